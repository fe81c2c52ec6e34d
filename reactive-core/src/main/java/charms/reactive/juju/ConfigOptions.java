package charms.reactive.juju;

import charms.reactive.ReactiveException;
import charms.reactive.internal.Json;
import charms.reactive.internal.YamlFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of a charm's {@code config.yaml}: name, type and default, in file order.
 *
 * @param options option name to its declaration
 */
public record ConfigOptions(Map<String, Option> options) {
  private static final Set<String> TYPES = Set.of("string", "int", "float", "boolean", "secret");

  /**
   * One option.
   *
   * @param type {@code string}, {@code int}, {@code float}, {@code boolean} or {@code secret}
   * @param defaultValue the default as JSON, {@code null} if none
   */
  public record Option(String name, String type, JsonNode defaultValue) {

    /** Whether a value (as {@code config-get} gives it) has this option's type; null always fits. */
    public boolean accepts(JsonNode value) {
      if (value == null || value.isNull()) {
        return true;
      }
      switch (type) {
        case "int":
          return value.isIntegralNumber();
        case "float":
          return value.isNumber();
        case "boolean":
          return value.isBoolean();
        default:
          return value.isTextual();
      }
    }
  }

  public ConfigOptions {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  public static ConfigOptions none() {
    return new ConfigOptions(Map.of());
  }

  /**
   * Reads {@code config.yaml}; a missing file means no options.
   *
   * @throws ReactiveException naming the file (and line) if it is malformed or declares an unknown
   *     type, or a default that does not fit its type
   */
  public static ConfigOptions read(Path file) {
    Object root;
    try {
      root = YamlFiles.load(file);
    } catch (NoSuchFileException e) {
      return none();
    }
    if (root == null) {
      return none();
    }
    Object section = root instanceof Map<?, ?> top ? top.get("options") : null;
    if (!(root instanceof Map<?, ?>) || section != null && !(section instanceof Map<?, ?>)) {
      throw new ReactiveException("malformed " + file + ": expected a mapping with an 'options' mapping");
    }
    Map<String, Option> options = new LinkedHashMap<>();
    Map<?, ?> declared = section == null ? Map.of() : (Map<?, ?>) section;
    for (Map.Entry<?, ?> e : declared.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof Map<?, ?> spec)) {
        throw new ReactiveException("malformed " + file + ": option '" + name + "' must be a mapping");
      }
      String type = String.valueOf(spec.containsKey("type") ? spec.get("type") : "string");
      if (!TYPES.contains(type)) {
        throw new ReactiveException("malformed " + file + ": option '" + name + "' has unknown type '"
            + type + "' (expected one of string, int, float, boolean, secret)");
      }
      JsonNode def = spec.containsKey("default") ? Json.plainToNode(spec.get("default"))
          : NullNode.getInstance();
      Option option = new Option(name, type, def);
      if (!option.accepts(def)) {
        throw new ReactiveException("malformed " + file + ": the default of option '" + name
            + "' is " + def + ", which is not a " + type);
      }
      options.put(name, option);
    }
    return new ConfigOptions(options);
  }
}
