package charms.reactive.relations;

import charms.reactive.Flags;
import charms.reactive.RelationRef;
import charms.reactive.relations.internal.RelationJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A conversation of the older relation API: a group of remote units of one relation
 * name, as its {@link Scope} defines, with states, remote data and local data.
 *
 * <p>A state is a flag whose value lists the conversations that set it
 * ({@code {"relation": name, "conversations": [keys]}}); it stays set while any conversation
 * holds it. {@code {relation_name}} in a state is replaced (not {@code str.format}ted, so braces in names are safe) by the
 * relation name. Remote data is written to this unit's bag in each of the conversation's
 * relations and published at the end of a successful hook. Local data is kept in the unit state
 * and deleted with the conversation (the original kept it forever). Not thread-safe.
 */
public final class Conversation {
  private final HookRelations hook;
  private final ConversationStore store;
  private final String relationName;
  private final String key;

  Conversation(HookRelations hook, ConversationStore store, String relationName, String key) {
    this.hook = hook;
    this.store = store;
    this.relationName = relationName;
    this.key = key;
  }

  private ObjectNode data() {
    return store.get(key).orElseThrow(() -> new RelationException("conversation " + key
        + " no longer exists: its last unit departed"));
  }

  /** The key naming this conversation in state values: {@code reactive.conversations.<namespace>.<scope>}. */
  public String key() {
    return key;
  }

  /** A relation id ({@code db:3}) for unit and service scopes, else the relation name. */
  public String namespace() {
    return data().path("namespace").asText();
  }

  /** The remote unit, the remote application, {@code global} or the custom scope's name. */
  public String scope() {
    return data().path("scope").asText();
  }

  public String relationName() {
    return relationName;
  }

  /** The remote units in the conversation, in unit order. */
  public SortedSet<String> units() {
    SortedSet<String> units = new TreeSet<>(charms.reactive.relations.internal.UnitOrder.UNITS);
    ConversationStore.units(data()).forEach(u -> units.add(u.asText()));
    return Collections.unmodifiableSortedSet(units);
  }

  /**
   * The relations the conversation spans: its own relation id for unit and service scopes, every
   * relation of the relation name otherwise.
   */
  public List<RelationRef> relationIds() {
    String ns = namespace();
    if (ns.equals(relationName)) {
      return hook.relationIds(relationName);
    }
    return List.of(RelationRef.parse(ns, relationName));
  }

  private String expand(String state) {
    return state.replace("{relation_name}", relationName);
  }

  /** Sets a state for this conversation. */
  public void setState(String state) {
    String flag = expand(state);
    Flags flags = hook.context().flags();
    ObjectNode value = stateValue(flags, flag, relationName);
    ArrayNode convs = (ArrayNode) value.get("conversations");
    for (JsonNode c : convs) {
      if (c.asText().equals(key)) {
        if (!flags.isSet(flag)) {
          flags.set(flag, value);
        }
        return;
      }
    }
    convs.add(key);
    flags.set(flag, value);
  }

  /** Removes this conversation from a state; the state is cleared when no conversation holds it. */
  public void removeState(String state) {
    String flag = expand(state);
    removeKeyFromState(hook.context().flags(), flag, key);
  }

  /** Whether this conversation holds the state. */
  public boolean isState(String state) {
    return hook.context().flags().value(expand(state))
        .map(v -> conversationsOf(v).contains(key)).orElse(false);
  }

  /** Sets or removes the state. */
  public void toggleState(String state, boolean active) {
    if (active) {
      setState(state);
    } else {
      removeState(state);
    }
  }

  /** Inverts {@link #isState}. */
  public void toggleState(String state) {
    toggleState(state, !isState(state));
  }

  /**
   * Writes {@code key=value} to this unit's data in each of the conversation's relations; null or
   * empty removes the key. Published at the end of a successful hook.
   */
  public void setRemote(String dataKey, String value) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(dataKey, value);
    setRemote(data);
  }

  /** Writes several keys; see {@link #setRemote(String, String)}. */
  public void setRemote(Map<String, String> data) {
    if (data.isEmpty()) {
      return;
    }
    for (RelationRef rel : relationIds()) {
      hook.relation(rel).toPublishRaw().putAll(data);
    }
  }

  /**
   * The first non-empty value of {@code dataKey} among the conversation's units, relation by
   * relation (the departing unit included in its {@code -relation-departed} hook), or null.
   */
  public String getRemote(String dataKey) {
    SortedSet<String> members = units();
    for (RelationRef rel : relationIds()) {
      List<String> units = new ArrayList<>(hook.units(rel));
      hook.departingRemoteUnit(rel).ifPresent(units::add);
      for (String unit : units) {
        if (!members.contains(unit)) {
          continue;
        }
        String value = hook.tools().relationGet(rel, unit).get(dataKey);
        if (value != null && !value.isEmpty()) {
          return value;
        }
      }
    }
    return null;
  }

  /** {@link #getRemote(String)}, or {@code fallback} if no unit has a value. */
  public String getRemote(String dataKey, String fallback) {
    String v = getRemote(dataKey);
    return v == null ? fallback : v;
  }

  /** Stores a value (converted to JSON) in the conversation's local data. */
  public void setLocal(String dataKey, Object value) {
    Map<String, JsonNode> data = new LinkedHashMap<>();
    data.put(dataKey, RelationJson.toNode(value));
    store.setLocal(key, data);
  }

  /** A local value, or null if it was never set. */
  public JsonNode getLocal(String dataKey) {
    JsonNode local = data().path("local").get(dataKey);
    return local == null ? null : local.deepCopy();
  }

  /** A local value, if set. */
  public Optional<JsonNode> findLocal(String dataKey) {
    return Optional.ofNullable(getLocal(dataKey));
  }

  @Override
  public String toString() {
    return "Conversation[" + key + "]";
  }

  static ObjectNode stateValue(Flags flags, String flag, String relation) {
    Optional<JsonNode> current = flags.value(flag);
    if (current.isPresent() && current.get() instanceof ObjectNode o
        && o.get("conversations") instanceof ArrayNode) {
      return o.deepCopy();
    }
    ObjectNode fresh = JsonNodeFactory.instance.objectNode();
    fresh.put("relation", relation);
    fresh.putArray("conversations");
    return fresh;
  }

  static List<String> conversationsOf(JsonNode value) {
    List<String> keys = new ArrayList<>();
    if (value != null && value.get("conversations") instanceof ArrayNode a) {
      a.forEach(k -> keys.add(k.asText()));
    }
    return keys;
  }

  /** Takes a conversation key out of a state's value; clears the state when none is left. */
  static void removeKeyFromState(Flags flags, String flag, String convKey) {
    Optional<JsonNode> current = flags.value(flag);
    if (current.isEmpty() || !(current.get() instanceof ObjectNode o)
        || !(o.get("conversations") instanceof ArrayNode)) {
      return;
    }
    ObjectNode value = o.deepCopy();
    ArrayNode convs = (ArrayNode) value.get("conversations");
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    convs.forEach(c -> {
      if (!c.asText().equals(convKey)) {
        kept.add(c);
      }
    });
    if (kept.size() == convs.size()) {
      return;
    }
    if (kept.isEmpty()) {
      flags.clear(flag);
    } else {
      value.set("conversations", kept);
      flags.set(flag, value);
    }
  }
}
