package charms.reactive.relations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Change detection for an endpoint's received data: a digest per relation, unit and
 * field of what was seen last, compared with what the joined units hold now.
 *
 * <p>A field is changed when it is new, when its decoded value differs (so a remote side that
 * re-encodes the same value causes no change), or, unlike the original, when it was removed. A unit that
 * is no longer joined is forgotten without counting as a change: its departure is what
 * {@code departed} reports. Pure functions; thread-safe.
 */
public final class ReceivedDigests {
  private ReceivedDigests() {
  }

  /**
   * The outcome of a comparison.
   *
   * @param changedFields the names of changed (new, different or removed) fields, sorted
   * @param next the digests to keep for the next hook
   */
  public record Result(SortedSet<String> changedFields, ObjectNode next) {
  }

  /**
   * Compares the current data with the digests of the last hook.
   *
   * @param previous the digests kept last time ({@code {rel: {unit: {field: digest}}}}), or null
   * @param current relation id to unit to raw data, for the units joined now
   */
  public static Result compare(JsonNode previous,
      SortedMap<String, SortedMap<String, Map<String, String>>> current) {
    SortedSet<String> changed = new TreeSet<>();
    ObjectNode next = JsonNodeFactory.instance.objectNode();
    current.forEach((rel, units) -> {
      ObjectNode relNode = next.putObject(rel);
      units.forEach((unit, data) -> {
        ObjectNode unitNode = relNode.putObject(unit);
        JsonNode before = previous == null ? null : previous.path(rel).path(unit);
        data.forEach((field, raw) -> {
          String digest = digest(raw);
          unitNode.put(field, digest);
          JsonNode old = before == null ? null : before.get(field);
          if (old == null || !old.asText().equals(digest)) {
            changed.add(field);
          }
        });
        if (before != null && before.isObject()) {
          for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!data.containsKey(field)) {
              changed.add(field);
            }
          }
        }
      });
    });
    return new Result(changed, next);
  }

  private static String digest(String raw) {
    try {
      return RelationJson.digest(RelationJson.read(raw));
    } catch (RuntimeException e) {
      return RelationJson.digest(com.fasterxml.jackson.databind.node.TextNode.valueOf(raw));
    }
  }
}
