package charms.reactive.relations;

import charms.reactive.KeyValueStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The conversations of one relation name, kept in one record of the unit state
 * ({@code conversations.<relation name>}): conversation key to its namespace, scope, units and
 * local data. Every change is written to the record at once, inside the hook's transaction.
 * Deleting a conversation deletes its local data (the original kept it forever).
 */
final class ConversationStore {
  private final KeyValueStore records;
  private final String recordKey;
  private final TreeMap<String, ObjectNode> conversations = new TreeMap<>();

  ConversationStore(KeyValueStore records, String relationName) {
    this.records = records;
    this.recordKey = "conversations." + relationName;
    records.get(recordKey).ifPresent(node -> node.properties().forEach(e -> {
      if (e.getValue() instanceof ObjectNode o) {
        conversations.put(e.getKey(), o.deepCopy());
      }
    }));
  }

  static String key(String namespace, String scope) {
    return "reactive.conversations." + namespace + "." + scope;
  }

  /** The keys of every stored conversation, sorted. */
  List<String> keys() {
    return List.copyOf(conversations.keySet());
  }

  Optional<ObjectNode> get(String key) {
    return Optional.ofNullable(conversations.get(key));
  }

  /** Adds a unit to a conversation, creating it if needed. */
  void join(String namespace, String scope, String unit) {
    String key = key(namespace, scope);
    ObjectNode conv = conversations.computeIfAbsent(key, k -> {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("namespace", namespace);
      o.put("scope", scope);
      o.putArray("units");
      o.putObject("local");
      return o;
    });
    ArrayNode units = units(conv);
    List<String> names = new ArrayList<>();
    units.forEach(u -> names.add(u.asText()));
    if (!names.contains(unit)) {
      names.add(unit);
      names.sort(charms.reactive.relations.internal.UnitOrder.UNITS);
      units.removeAll();
      names.forEach(units::add);
      persist();
    }
  }

  /**
   * Removes a unit from a conversation; returns true if the conversation then had no unit left
   * and was deleted, with its local data.
   */
  boolean depart(String key, String unit) {
    ObjectNode conv = conversations.get(key);
    if (conv == null) {
      return false;
    }
    ArrayNode units = units(conv);
    for (Iterator<JsonNode> it = units.iterator(); it.hasNext(); ) {
      if (it.next().asText().equals(unit)) {
        it.remove();
      }
    }
    boolean empty = units.isEmpty();
    if (empty) {
      conversations.remove(key);
    }
    persist();
    return empty;
  }

  static ArrayNode units(ObjectNode conv) {
    return conv.get("units") instanceof ArrayNode a ? a : conv.putArray("units");
  }

  void setLocal(String key, Map<String, JsonNode> values) {
    ObjectNode conv = conversations.get(key);
    if (conv == null) {
      throw new RelationException("conversation " + key + " no longer exists");
    }
    ObjectNode local = conv.get("local") instanceof ObjectNode o ? o : conv.putObject("local");
    values.forEach(local::set);
    persist();
  }

  private void persist() {
    if (conversations.isEmpty()) {
      records.unset(recordKey);
      return;
    }
    ObjectNode all = JsonNodeFactory.instance.objectNode();
    conversations.forEach((k, v) -> all.set(k, v.deepCopy()));
    records.set(recordKey, all);
  }
}
