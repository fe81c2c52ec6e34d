package charms.reactive.fs;

import charms.reactive.HookContext;
import charms.reactive.KeyValueStore;
import charms.reactive.spi.PythonJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code data_changed} and {@code is_data_changed}: has a value changed since it was
 * last recorded under a key?
 *
 * <p>The value is encoded as canonical JSON, exactly the bytes of Python's
 * {@code json.dumps(value, sort_keys=True)} ({@link PythonJson}; so map order never matters), and
 * compared by its digest with the digest stored under {@code reactive.data_changed.<key>} in the
 * charm's data ({@link HookContext#data()}), the key the original used. The digest is SHA-256 by
 * default; with {@link HashAlgorithm#MD5} the stored value is the very hex digest the Python
 * original stored. A key never recorded counts as changed, whatever the value (even
 * {@code null}).
 *
 * <p>{@link #dataChanged} records the new digest at once, inside the hook's transaction: it is
 * committed with the hook and discarded if the hook fails, so a change reported in a failed hook
 * is reported again in the next one. Within one hook, a second call with the same value returns
 * false. {@link #isDataChanged} only compares.
 *
 * <p>Runs on the hook's thread, like everything that touches the hook's state.
 */
public final class DataChanges {
  /** Where digests are kept in the charm's data: this prefix followed by the key. */
  public static final String KEY_PREFIX = "reactive.data_changed.";

  private DataChanges() {
  }

  /**
   * True if {@code value} differs from the one last recorded under {@code key}; records it.
   *
   * @throws IllegalArgumentException naming the key if it is empty, or the value's path if it has
   *     no JSON form (see {@link PythonJson})
   */
  public static boolean dataChanged(HookContext context, String key, Object value) {
    return dataChanged(context, key, value, HashAlgorithm.SHA256);
  }

  /** {@link #dataChanged(HookContext, String, Object)} with another digest. */
  public static boolean dataChanged(HookContext context, String key, Object value, HashAlgorithm hash) {
    String digest = digest(key, value, hash);
    KeyValueStore data = context.data();
    boolean changed = !Optional.of(digest).equals(stored(data, key));
    if (changed) {
      data.set(KEY_PREFIX + key, digest);
    }
    return changed;
  }

  /** True if {@code value} differs from the one last recorded under {@code key}; records nothing. */
  public static boolean isDataChanged(HookContext context, String key, Object value) {
    return isDataChanged(context, key, value, HashAlgorithm.SHA256);
  }

  /** {@link #isDataChanged(HookContext, String, Object)} with another digest. */
  public static boolean isDataChanged(HookContext context, String key, Object value, HashAlgorithm hash) {
    return !Optional.of(digest(key, value, hash)).equals(stored(context.data(), key));
  }

  private static Optional<String> stored(KeyValueStore data, String key) {
    return data.get(KEY_PREFIX + key).filter(JsonNode::isTextual).map(JsonNode::textValue);
  }

  private static String digest(String key, Object value, HashAlgorithm hash) {
    Objects.requireNonNull(hash, "hash");
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("a data_changed key must not be empty");
    }
    byte[] canonical;
    try {
      canonical = PythonJson.dumpsUtf8(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("data_changed key '" + key + "': " + e.getMessage(), e);
    }
    return hash.hex(canonical);
  }
}
