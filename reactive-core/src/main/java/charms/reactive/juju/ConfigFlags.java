package charms.reactive.juju;

import charms.reactive.FlagFact;
import charms.reactive.HookContext;
import charms.reactive.KeyValueStore;
import charms.reactive.ReactiveException;
import charms.reactive.spi.FrameworkRecords;
import charms.reactive.spi.StateSource;
import charms.reactive.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import reactor.core.publisher.Flux;

/**
 * layer-basic's config flags as a source: {@code config.changed}, {@code config.changed.<opt>},
 * {@code config.set.<opt>} and {@code config.default.<opt>} for every option of
 * {@code config.yaml} (every option {@code config-get} reports, if there is no config.yaml).
 * The previous config is a framework record committed with the hook; without one (the first
 * hook) every option counts as changed. The flags are cleared at the end of every hook by
 * {@link #clearAtExit}.
 */
final class ConfigFlags implements StateSource {
  static final String RECORD = "config";
  private static final Set<String> READING_HOOKS = Set.of("install", "start", "config-changed",
      "upgrade-charm", "post-series-upgrade");

  private final JujuSettings settings;

  ConfigFlags(JujuSettings settings) {
    this.settings = settings;
  }

  /**
   * This hook's reading of the config: the config the last reading hook recorded (null on the
   * first hook) and the current one.
   */
  record Reading(JsonNode previous, Map<String, JsonNode> current, ConfigOptions options) {
  }

  /**
   * Start callback: reads the config once for the hook (from {@code config-get}, or the recorded
   * snapshot in hooks where Juju cannot have changed it) and records it for the next hook. The
   * source then only derives flags from this reading.
   */
  void read(HookContext context) {
    KeyValueStore records = FrameworkRecords.of(context, Juju.RECORDS);
    JsonNode previous = records.get(RECORD).orElse(null);
    boolean read = previous == null || settings.readConfigEveryHook()
        || READING_HOOKS.contains(context.environment().hookName());
    Map<String, JsonNode> current = new TreeMap<>();
    if (read) {
      current.putAll(context.service(HookTools.class).config());
    } else {
      previous.properties().forEach(e -> current.put(e.getKey(), e.getValue()));
    }
    ConfigOptions options = ConfigOptions.read(context.environment().charmDir().resolve("config.yaml"));
    context.service(CharmConfig.class).snapshot(current, options);
    Reading reading = new Reading(previous, current, options);
    context.service(Readings.class).config = reading;
    addFacts(context.service(charms.reactive.HookFacts.class), reading);
    ObjectNode snapshot = Json.NODES.objectNode();
    current.forEach(snapshot::set);
    records.set(RECORD, snapshot);
  }

  /**
   * The config flags of this hook's reading. Cold and free of side effects: each subscription
   * derives the same facts and changes nothing.
   */
  @Override
  public Flux<FlagFact> facts(HookContext context) {
    return Flux.defer(() -> Flux.fromIterable(compute(context, Readings.of(context).config())));
  }

  /**
   * The hook-scoped facts of this reading: {@code config.<option>} for each changed option and
   * {@code config} if any changed (the same comparison as {@code config.changed.*}).
   */
  private static void addFacts(charms.reactive.HookFacts facts, Reading reading) {
    Set<String> names = new LinkedHashSet<>(reading.options().options().keySet());
    if (names.isEmpty()) {
      names.addAll(reading.current().keySet());
    }
    for (String name : names) {
      if (changed(reading, name)) {
        facts.add("config." + name).add("config");
      }
    }
  }

  private static boolean changed(Reading reading, String name) {
    JsonNode value = reading.current().getOrDefault(name, NullNode.getInstance());
    JsonNode before = reading.previous() == null ? null : reading.previous().get(name);
    return reading.previous() == null
        || !value.equals(before == null ? NullNode.getInstance() : before);
  }

  private static List<FlagFact> compute(HookContext context, Reading reading) {
    ConfigOptions options = reading.options();
    JsonNode previous = reading.previous();
    Map<String, JsonNode> current = reading.current();
    Set<String> names = new LinkedHashSet<>(options.options().keySet());
    if (names.isEmpty()) {
      names.addAll(current.keySet());
    }
    List<FlagFact> facts = new ArrayList<>();
    boolean anyChanged = false;
    for (String name : names) {
      JsonNode value = current.getOrDefault(name, NullNode.getInstance());
      ConfigOptions.Option option = options.options().get(name);
      if (option != null && !option.accepts(value)) {
        throw new ReactiveException("config option '" + name + "' should be of type "
            + option.type() + " (config.yaml) but is " + value);
      }
      boolean changed = changed(reading, name);
      facts.add(FlagFact.toggled("config.set." + name, truthy(value)));
      JsonNode def = option == null ? NullNode.getInstance() : option.defaultValue();
      facts.add(FlagFact.toggled("config.default." + name, value.equals(def)));
      if (changed) {
        facts.add(FlagFact.set("config.changed." + name));
        anyChanged = true;
      }
    }
    if (anyChanged) {
      facts.add(FlagFact.set("config.changed"));
    }
    return facts;
  }

  /** Python's truthiness for a JSON config value: null, false, "", 0 and 0.0 are false. */
  static boolean truthy(JsonNode value) {
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return value.doubleValue() != 0.0;
    }
    if (value.isTextual()) {
      return !value.textValue().isEmpty();
    }
    return value.size() > 0;
  }

  /** Clears every {@code config.*} flag, as layer-basic does at the end of each hook. */
  static void clearAtExit(HookContext context) {
    for (String flag : context.flags().list()) {
      if (flag.startsWith("config.")) {
        context.flags().clear(flag);
      }
    }
  }
}
