package charms.reactive;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A charm's key/value data, kept in the unit state and committed with the hook's transaction.
 * Values are JSON; keys are non-empty strings of at most {@link #MAX_KEY_LENGTH} characters without
 * control characters (a newline, a NUL): setting any other is an {@link InvalidKeyException}. Prefix look-ups are literal and case-sensitive
 * (the original's SQL {@code LIKE} treated {@code _} and {@code %} as wildcards).
 *
 * <p>Not thread-safe: a hook runs on one thread.
 */
public interface KeyValueStore {

  /** The longest data key accepted, in UTF-16 characters. */
  int MAX_KEY_LENGTH = 4096;

  Optional<JsonNode> get(String key);

  /**
   * The value under {@code key} converted to {@code type}.
   *
   * @throws IllegalArgumentException naming the key if the stored JSON does not fit the type
   */
  <T> Optional<T> get(String key, Class<T> type);

  /** Stores a value converted to JSON (a {@link JsonNode} is taken as it is). */
  void set(String key, Object value);

  /** Removes {@code key}; removing a missing key does nothing. */
  void unset(String key);

  /** Every entry whose key starts with {@code prefix}, sorted by key, keys unchanged. */
  SortedMap<String, JsonNode> getByPrefix(String prefix);
}
