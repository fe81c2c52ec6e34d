package charms.reactive.juju;

import charms.reactive.HookContext;
import charms.reactive.KeyValueStore;
import charms.reactive.internal.Json;
import charms.reactive.spi.FrameworkRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The leadership layer's {@code leader_set}: writes leader settings and keeps the leadership
 * flags and the stored copy in step, so the leader's own change sets
 * {@code leadership.changed.<key>} now and is not seen as a change again next hook.
 */
public final class LeaderSettings {
  private LeaderSettings() {
  }

  /**
   * Sets leader settings (an empty or null value deletes the key).
   *
   * @throws NotLeaderException if this unit is not the leader
   */
  public static void set(HookContext context, Map<String, String> values) {
    context.service(HookTools.class).leaderSet(values);
    KeyValueStore records = FrameworkRecords.of(context, Juju.RECORDS);
    Map<String, String> copy = records.get(LeadershipFlags.RECORD).map(LeaderSettings::toMap)
        .orElseGet(TreeMap::new);
    values.forEach((key, value) -> {
      boolean present = value != null && !value.isEmpty();
      context.flags().toggle("leadership.changed." + key, !java.util.Objects.equals(copy.get(key), present ? value : null));
      context.flags().toggle("leadership.set." + key, present);
      if (present) {
        copy.put(key, value);
      } else {
        copy.remove(key);
      }
    });
    records.set(LeadershipFlags.RECORD, toNode(copy));
    context.service(LeaderData.class).snapshot(copy);
  }

  static Map<String, String> toMap(JsonNode node) {
    Map<String, String> map = new TreeMap<>();
    node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  /** The map as an object node, keys sorted (as the framework's mapper writes maps). */
  static JsonNode toNode(Map<String, String> map) {
    ObjectNode node = Json.NODES.objectNode();
    new TreeMap<>(map).forEach(node::put);
    return node;
  }
}
