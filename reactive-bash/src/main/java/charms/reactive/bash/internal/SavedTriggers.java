package charms.reactive.bash.internal;

import charms.reactive.Flags;
import charms.reactive.KeyValueStore;
import charms.reactive.Trigger;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Triggers registered with {@code charms.reactive register_trigger} outside a hook. As in the
 * original, they are kept in the unit's state: later command lines outside a hook apply them, and
 * so does the next hook, which then forgets them when it commits (a trigger registered inside a
 * hook lasts for that hook only, outside a hook until the end of the next one).
 *
 * <p>One record per watched transition ({@code set.<flag>} or {@code clear.<flag>}) holds the
 * flags to set and to clear, each list de-duplicated in registration order.
 */
public final class SavedTriggers {
  /** The owner of the records, in the framework's part of the state. */
  public static final String OWNER = "bash.cli-triggers";

  private SavedTriggers() {
  }

  /** Registers every saved trigger with {@code flags}; they fire on later transitions only. */
  public static void apply(KeyValueStore records, Flags flags) {
    for (Map.Entry<String, JsonNode> e : records.getByPrefix("").entrySet()) {
      String key = e.getKey();
      boolean onSet = key.startsWith("set.");
      String flag = key.substring(onSet ? 4 : 6);
      List<String> set = strings(e.getValue().get("set_flag"));
      List<String> clear = strings(e.getValue().get("clear_flag"));
      if (set.isEmpty() && clear.isEmpty()) {
        continue;
      }
      Trigger.Builder builder = onSet ? Trigger.whenSet(flag) : Trigger.whenCleared(flag);
      Trigger trigger = set.isEmpty() ? builder.clear(clear.toArray(String[]::new))
          : builder.set(set.toArray(String[]::new));
      if (!set.isEmpty() && !clear.isEmpty()) {
        trigger = trigger.andClear(clear.toArray(String[]::new));
      }
      flags.registerTrigger(trigger);
    }
  }

  /** Adds {@code trigger}'s flags to the saved record of its transition. */
  public static void save(KeyValueStore records, Trigger trigger) {
    String key = (trigger.onSet() ? "set." : "clear.") + trigger.flag();
    JsonNode old = records.get(key).orElse(null);
    List<String> set = strings(old == null ? null : old.get("set_flag"));
    List<String> clear = strings(old == null ? null : old.get("clear_flag"));
    trigger.setFlags().stream().filter(f -> !set.contains(f)).forEach(set::add);
    trigger.clearFlags().stream().filter(f -> !clear.contains(f)).forEach(clear::add);
    Map<String, List<String>> value = new LinkedHashMap<>();
    value.put("set_flag", set);
    value.put("clear_flag", clear);
    records.set(key, value);
  }

  /** Forgets every saved trigger. */
  public static void clear(KeyValueStore records) {
    for (String key : records.getByPrefix("").keySet()) {
      records.unset(key);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
