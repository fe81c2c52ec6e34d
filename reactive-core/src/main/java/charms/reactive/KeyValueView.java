package charms.reactive;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Key/value data (the charm's, or the framework's records) as it can be read, without a way to
 * change it: what a {@link Condition} sees. {@link KeyValueStore} adds the changes.
 */
public interface KeyValueView {

  Optional<JsonNode> get(String key);

  /**
   * The value under {@code key} converted to {@code type}.
   *
   * @throws IllegalArgumentException naming the key if the stored JSON does not fit the type
   */
  <T> Optional<T> get(String key, Class<T> type);

  /** Every entry whose key starts with {@code prefix}, sorted by key, keys unchanged. */
  SortedMap<String, JsonNode> getByPrefix(String prefix);
}
