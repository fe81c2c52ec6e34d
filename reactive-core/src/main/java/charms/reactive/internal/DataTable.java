package charms.reactive.internal;

import charms.reactive.InvalidKeyException;
import charms.reactive.KeyValueStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sorted map of JSON values inside the hook's transaction, seen through a key prefix (empty for
 * the charm's own data, {@code owner + ":"} for framework records).
 */
public final class DataTable implements KeyValueStore {
  private final TreeMap<String, JsonNode> entries;
  private final String prefix;
  private final UnitState owner;

  DataTable(TreeMap<String, JsonNode> entries, String prefix, UnitState owner) {
    this.entries = entries;
    this.prefix = prefix;
    this.owner = owner;
  }

  private static void requireValidKey(String key) {
    if (key.length() > MAX_KEY_LENGTH) {
      throw new InvalidKeyException(key, "a data key is limited to " + MAX_KEY_LENGTH
          + " characters; this one has " + key.length());
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) {
        throw new InvalidKeyException(key, "control character at index " + i);
      }
    }
  }

  private String fullKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidKeyException(key, "a data key must not be empty");
    }
    return prefix + key;
  }

  @Override
  public Optional<JsonNode> get(String key) {
    return Optional.ofNullable(entries.get(fullKey(key)));
  }

  @Override
  public <T> Optional<T> get(String key, Class<T> type) {
    JsonNode node = entries.get(fullKey(key));
    if (node == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Json.mapper().treeToValue(node, type));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("data key '" + key + "' holds " + node
          + ", which is not a " + type.getSimpleName(), e);
    }
  }

  @Override
  public void set(String key, Object value) {
    String full = fullKey(key);
    requireValidKey(key);
    JsonNode node = Json.toNode(value, "data key '" + key + "'");
    JsonNode old = entries.put(full, node);
    if (!node.equals(old)) {
      owner.markDirty();
    }
  }

  @Override
  public void unset(String key) {
    if (entries.remove(fullKey(key)) != null) {
      owner.markDirty();
    }
  }

  @Override
  public SortedMap<String, JsonNode> getByPrefix(String keyPrefix) {
    String from = prefix + keyPrefix;
    SortedMap<String, JsonNode> result = new TreeMap<>();
    for (var e : entries.tailMap(from, true).entrySet()) {
      if (!e.getKey().startsWith(from)) {
        break;
      }
      result.put(e.getKey().substring(prefix.length()), e.getValue());
    }
    return Collections.unmodifiableSortedMap(result);
  }
}
