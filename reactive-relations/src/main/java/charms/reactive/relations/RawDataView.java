package charms.reactive.relations;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * A relation data bag with its values as Juju stores them: plain strings (the original's
 * {@code *_raw} views). A missing key reads as {@code null}. Writing is allowed only on this
 * unit's own bags ({@code to_publish_raw}, and {@code to_publish_app_raw} for the leader); writes
 * are published once, at the end of a successful hook. Writing a null or empty value removes the
 * key, as {@code relation-set} does, and removals are published too (the original dropped them). Reading loads
 * the bag with one {@code relation-get} on first use. Not thread-safe.
 */
public final class RawDataView {
  private final Bag bag;

  RawDataView(Bag bag) {
    this.bag = bag;
  }

  Bag bag() {
    return bag;
  }

  /** The raw value, or null if the key is missing. */
  public String get(String key) {
    return bag.data().get(key);
  }

  /** The raw value, or {@code fallback} if the key is missing. */
  public String get(String key, String fallback) {
    String v = get(key);
    return v == null ? fallback : v;
  }

  public boolean containsKey(String key) {
    return bag.data().containsKey(key);
  }

  /** The keys, sorted. */
  public Set<String> keys() {
    return bag.data().keySet();
  }

  /** Every entry, sorted by key, unmodifiable. */
  public SortedMap<String, String> asMap() {
    return bag.data();
  }

  public boolean isEmpty() {
    return bag.data().isEmpty();
  }

  public int size() {
    return bag.data().size();
  }

  /** Whether this is one of this unit's own (publishable) bags. */
  public boolean isWritable() {
    return bag.writable();
  }

  /** Whether the bag differs from what Juju holds, so it will be published. */
  public boolean isModified() {
    return bag.isModified();
  }

  /**
   * Sets {@code key} to the string as it is; null or empty removes the key.
   *
   * @throws UnsupportedOperationException on remote data
   * @throws LeaderOnlyException on the application bag of a unit that is not the leader
   */
  public void put(String key, String value) {
    bag.put(key, value);
  }

  /** Sets every entry as {@link #put} would. */
  public void putAll(Map<String, String> values) {
    values.forEach(this::put);
  }

  /** Removes {@code key} (published as a deletion). */
  public void remove(String key) {
    bag.remove(key);
  }

  @Override
  public String toString() {
    return bag.description() + (bag.loaded() ? " " + bag.data() : "");
  }
}
