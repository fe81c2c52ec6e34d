package charms.reactive.relations;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One relation data bag as this hook sees it: loaded on first use, then changed in memory. The
 * changes ({@link #changes()}) are what the end of a successful hook publishes: keys whose value
 * changed, and removed keys (as empty values, which Juju takes as deletions). Not thread-safe.
 */
final class Bag {
  private final String description;
  private final Supplier<Map<String, String>> loader;
  private final Runnable writeGuard;
  private SortedMap<String, String> original;
  private TreeMap<String, String> current;
  private int version;

  /**
   * @param description names the bag in errors, such as {@code "unit mysql/0's data on db:3"}
   * @param loader reads the bag (once)
   * @param writeGuard runs before every write and throws if writing is not allowed; null makes
   *     the bag read-only
   */
  Bag(String description, Supplier<Map<String, String>> loader, Runnable writeGuard) {
    this.description = description;
    this.loader = loader;
    this.writeGuard = writeGuard;
  }

  static Bag readOnly(String description, Supplier<Map<String, String>> loader) {
    return new Bag(description, loader, null);
  }

  String description() {
    return description;
  }

  boolean writable() {
    return writeGuard != null;
  }

  /** The bag's current content, sorted, unmodifiable. */
  SortedMap<String, String> data() {
    load();
    return Collections.unmodifiableSortedMap(current);
  }

  /** Increases on every change, so views can drop what they decoded. */
  int version() {
    return version;
  }

  boolean loaded() {
    return current != null;
  }

  private void load() {
    if (current == null) {
      Map<String, String> read = loader.get();
      original = new TreeMap<>(read == null ? Map.of() : read);
      current = new TreeMap<>(original);
    }
  }

  /** Sets a key; a null or empty value removes it, as Juju does. */
  void put(String key, String value) {
    checkWrite(key);
    load();
    if (value == null || value.isEmpty()) {
      if (current.remove(key) != null) {
        version++;
      }
    } else if (!value.equals(current.put(key, value))) {
      version++;
    }
  }

  void remove(String key) {
    put(key, null);
  }

  private void checkWrite(String key) {
    Objects.requireNonNull(key, "key");
    if (writeGuard == null) {
      throw new UnsupportedOperationException(description + " cannot be modified: it belongs to "
          + "the remote side");
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a relation data key must not be empty (" + description + ")");
    }
    writeGuard.run();
  }

  /** True if publishing would change something. */
  boolean isModified() {
    return !changes().isEmpty();
  }

  /** Keys whose value changed since the bag was read, and removed keys with an empty value. */
  SortedMap<String, String> changes() {
    SortedMap<String, String> diff = new TreeMap<>();
    if (current == null) {
      return diff;
    }
    current.forEach((k, v) -> {
      if (!v.equals(original.get(k))) {
        diff.put(k, v);
      }
    });
    original.keySet().forEach(k -> {
      if (!current.containsKey(k)) {
        diff.put(k, "");
      }
    });
    return diff;
  }

  /** After publishing: what was written is now the bag's known content. */
  void published() {
    if (current != null) {
      original = new TreeMap<>(current);
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
