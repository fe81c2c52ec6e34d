package charms.reactive.internal;

import charms.reactive.FlagView;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The flags at one moment, with their values: immutable, a map sorted by name, and readable as
 * flags (a {@link FlagView}). The flag table makes one when asked and hands out the same one until
 * a flag changes, and a {@link charms.reactive.StateSnapshot} keeps it without copying it again:
 * a pass that changed nothing costs no copy at all, and one that changed flags costs one hashed
 * copy (what conditions look flags up in). The sorted order is made only when something iterates
 * the map (the trace's initial flags, a test reading a snapshot). Immutable and thread-safe.
 */
public final class FlagSnapshot extends AbstractMap<String, JsonNode>
    implements SortedMap<String, JsonNode>, FlagView, FlagLookup {
  private static final FlagSnapshot EMPTY = new FlagSnapshot(new HashMap<>());

  /** The one copy, owned: never changed after construction. */
  private final HashMap<String, JsonNode> byName;
  /** The same entries sorted, made on first iteration. */
  private volatile SortedMap<String, JsonNode> sorted;

  private FlagSnapshot(HashMap<String, JsonNode> owned) {
    this.byName = owned;
  }

  /** A snapshot of {@code flags} (copied once: later changes to it do not show). */
  public static FlagSnapshot copyOf(Map<String, JsonNode> flags) {
    if (flags instanceof FlagSnapshot snapshot) {
      return snapshot;
    }
    return flags.isEmpty() ? EMPTY : new FlagSnapshot(new HashMap<>(flags));
  }

  private Set<String> names() {
    return byName.keySet();
  }

  private SortedMap<String, JsonNode> sorted() {
    SortedMap<String, JsonNode> s = sorted;
    if (s == null) {
      s = Collections.unmodifiableSortedMap(new TreeMap<>(byName));
      sorted = s;
    }
    return s;
  }

  @Override
  public boolean containsValidName(String flag) {
    return names().contains(flag);
  }

  @Override
  public boolean isSet(String flag) {
    return names().contains(FlagNames.requireValid(flag));
  }

  @Override
  public boolean allSet(String... flags) {
    return FlagSets.allSet(names(), flags);
  }

  @Override
  public boolean anySet(String... flags) {
    return FlagSets.anySet(names(), flags);
  }

  @Override
  public List<String> list() {
    return List.copyOf(sorted().keySet());
  }

  @Override
  public List<String> unset(String... flags) {
    return FlagSets.unset(names(), flags);
  }

  @Override
  public Optional<JsonNode> value(String flag) {
    return Optional.ofNullable(byName.get(FlagNames.requireValid(flag)));
  }

  // the sorted map: look-ups in the hashed copy, the rest in the unmodifiable sorted view

  @Override
  public int size() {
    return byName.size();
  }

  @Override
  public boolean isEmpty() {
    return byName.isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return byName.containsKey(key);
  }

  @Override
  public JsonNode get(Object key) {
    return byName.get(key);
  }

  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof Map<?, ?> map && byName.equals(map);
  }

  @Override
  public int hashCode() {
    return byName.hashCode();
  }

  @Override
  public Comparator<? super String> comparator() {
    return sorted().comparator();
  }

  @Override
  public SortedMap<String, JsonNode> subMap(String fromKey, String toKey) {
    return sorted().subMap(fromKey, toKey);
  }

  @Override
  public SortedMap<String, JsonNode> headMap(String toKey) {
    return sorted().headMap(toKey);
  }

  @Override
  public SortedMap<String, JsonNode> tailMap(String fromKey) {
    return sorted().tailMap(fromKey);
  }

  @Override
  public String firstKey() {
    return sorted().firstKey();
  }

  @Override
  public String lastKey() {
    return sorted().lastKey();
  }

  @Override
  public Set<String> keySet() {
    return sorted().keySet();
  }

  @Override
  public Collection<JsonNode> values() {
    return sorted().values();
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return sorted().entrySet();
  }
}
