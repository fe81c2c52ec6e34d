package charms.reactive;

/**
 * A charm's key/value data, kept in the unit state and committed with the hook's transaction.
 * Values are JSON; keys are non-empty strings of at most {@link #MAX_KEY_LENGTH} characters without
 * control characters (a newline, a NUL): setting any other is an {@link InvalidKeyException}. Prefix look-ups are literal and case-sensitive
 * (the original's SQL {@code LIKE} treated {@code _} and {@code %} as wildcards). What can be read
 * is in {@link KeyValueView}; conditions get only that.
 *
 * <p>Not thread-safe: a hook runs on one thread.
 */
public interface KeyValueStore extends KeyValueView {

  /** The longest data key accepted, in UTF-16 characters. */
  int MAX_KEY_LENGTH = 4096;

  /**
   * Stores a value converted to JSON (a {@link com.fasterxml.jackson.databind.JsonNode} is taken
   * as it is).
   */
  void set(String key, Object value);

  /** Removes {@code key}; removing a missing key does nothing. */
  void unset(String key);
}
