package charms.reactive.juju;

import charms.reactive.ReactiveException;
import charms.reactive.spi.RecordBinder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The charm's config in this hook, typed: {@link #as(Class)} binds the options to a record.
 * A per-hook service of {@link Juju#integration()}, injected by type into handlers (or
 * {@code context.service(CharmConfig.class)}).
 *
 * <pre>{@code
 * record WebConfig(int port, String adminPass, Optional<Double> ratio, boolean debug) { }
 *
 * @When("config.changed")
 * public void configure(CharmConfig config) {
 *   WebConfig c = config.as(WebConfig.class);   // port from option "port", adminPass from "admin-pass"
 * }
 * }</pre>
 *
 * <p><b>Cost.</b> The values are the ones the {@code config.*} flags were computed from at the
 * start of the hook: read with {@code config-get} in the hooks where Juju can have changed them,
 * otherwise the snapshot committed by the last hook that read them. Reading them here starts no
 * process; only where the flags were not computed (restricted hooks) is {@code config-get} run,
 * once per hook ({@link HookTools#config()} caches it).
 *
 * <p><b>Checks.</b> Every record component must name an option {@code config.yaml} declares (its
 * {@code @JsonProperty} name, else its name, its kebab-case or its snake_case form), and its Java
 * type must fit the declared type ({@code int}: int, long, double, their boxes, BigInteger,
 * BigDecimal; {@code float}: double, float, BigDecimal; {@code boolean}: boolean;
 * {@code string}/{@code secret}: String or an enum; {@code JsonNode} always); an unset option
 * without default binds to null or {@link Optional#empty()}, and is an error for a primitive.
 * Every error is a {@link ReactiveException} naming the option and the component; values are never
 * quoted (they may be secrets). Without a {@code config.yaml} the options {@code config-get}
 * reports are the declared ones, untyped.
 *
 * <p>Not thread-safe; bound to one hook.
 */
public final class CharmConfig {
  private final HookTools tools;
  private final Path configYaml;
  private ConfigOptions options;
  private Map<String, JsonNode> values;

  CharmConfig(HookTools tools, Path charmDir) {
    this.tools = tools;
    this.configYaml = charmDir.resolve("config.yaml");
  }

  /** Called by {@link ConfigFlags} with the values it computed the flags from. */
  void snapshot(Map<String, JsonNode> current, ConfigOptions declared) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(current));
    this.options = declared;
  }

  /** Every option with its value (JSON null when unset without default), by name. */
  public Map<String, JsonNode> values() {
    if (values == null) {
      values = tools.config();
    }
    return values;
  }

  /** The options {@code config.yaml} declares, with types and defaults. */
  public ConfigOptions options() {
    if (options == null) {
      options = ConfigOptions.read(configYaml);
    }
    return options;
  }

  /**
   * One option's value; empty when it is unset and has no default.
   *
   * @throws ReactiveException if {@code config.yaml} does not declare the option (a typo)
   */
  public Optional<JsonNode> get(String option) {
    Set<String> declared = declared();
    if (!declared.contains(option)) {
      throw new ReactiveException("no config option '" + option + "' in config.yaml; declared: "
          + (declared.isEmpty() ? "none" : String.join(", ", declared)));
    }
    JsonNode value = values().getOrDefault(option, NullNode.getInstance());
    return value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /**
   * The options bound to a new instance of {@code type}, a record.
   *
   * @throws ReactiveException naming the option and the record component if a component names no
   *     declared option, its type does not fit the option's, or the value cannot be converted
   * @throws IllegalArgumentException if {@code type} is not a record class
   */
  public <T extends Record> T as(Class<T> type) {
    Set<String> declared = declared();
    ConfigOptions typed = options();
    return RecordBinder.bind(type, new RecordBinder.Keys() {
      @Override
      public String what() {
        return "config option";
      }

      @Override
      public Set<String> declared() {
        return declared;
      }

      @Override
      public String typeError(String key, Class<?> javaType) {
        ConfigOptions.Option option = typed.options().get(key);
        return option == null || fits(option.type(), javaType) ? null
            : "is declared " + option.type() + " in config.yaml";
      }
    }, key -> values().get(key));
  }

  private Set<String> declared() {
    Set<String> declared = new LinkedHashSet<>(options().options().keySet());
    if (declared.isEmpty()) {
      declared.addAll(values().keySet());
    }
    return declared;
  }

  /** The Java types a value of each {@code config.yaml} type may bind to. */
  static boolean fits(String declaredType, Class<?> javaType) {
    if (javaType == JsonNode.class || javaType == Object.class) {
      return true;
    }
    Class<?> t = RecordBinder.boxed(javaType);
    switch (declaredType) {
      case "int":
        return t == Integer.class || t == Long.class || t == BigInteger.class || t == Double.class
            || t == BigDecimal.class;
      case "float":
        return t == Double.class || t == Float.class || t == BigDecimal.class;
      case "boolean":
        return t == Boolean.class;
      default: // string, secret
        return t == String.class || t.isEnum();
    }
  }
}
