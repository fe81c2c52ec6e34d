package charms.reactive.internal.dispatch;

import charms.reactive.Flags;
import charms.reactive.Handler;
import charms.reactive.KeyValueStore;
import charms.reactive.internal.FlagListener;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which flags have ever been set on this unit, as far as the charm's conditions care: the
 * framework record {@code dispatch:flags.ever-set} (a sorted list of names) holds each flag that a
 * condition (or a {@code notUnless}) of the charm reads and that was set in a committed hook. It
 * is bounded by what the charm reads, and at most {@link #MAX_NAMES} names; past that, new names
 * are not recorded.
 *
 * <p>During the hook it only notes the flags that went from not set to set. At the commit, and
 * only if one of those is read by a condition and not yet recorded, the record is rewritten (with
 * the flags set at that moment folded in, for states written before the record existed). A hook
 * that fails never reaches the commit, so it records nothing. One hook, one thread.
 */
final class FlagHistory implements FlagListener {
  static final String OWNER = "dispatch";
  static final String KEY = "flags.ever-set";
  static final int MAX_NAMES = 4096;

  private final Set<String> setInHook = new HashSet<>();

  @Override
  public void onTransition(String flag, boolean set) {
    if (set) {
      setInHook.add(flag);
    }
  }

  /** Adds to the record the flags set in this hook that a condition reads; writes only if new. */
  void record(KeyValueStore records, List<Handler> handlers, Flags flags) {
    if (setInHook.isEmpty()) {
      return;
    }
    Map<String, List<String>> read = readBy(handlers);
    Set<String> recorded = recorded(records.get(KEY).orElse(null));
    boolean fresh = false;
    for (String flag : setInHook) {
      if (read.containsKey(flag) && !recorded.contains(flag)) {
        fresh = true;
        break;
      }
    }
    if (!fresh) {
      return;
    }
    TreeSet<String> updated = new TreeSet<>(recorded);
    for (Collection<String> source : List.of(setInHook, flags.list())) {
      for (String flag : source) {
        if (updated.size() >= MAX_NAMES) {
          break;
        }
        if (read.containsKey(flag)) {
          updated.add(flag);
        }
      }
    }
    if (updated.size() > recorded.size()) {
      records.set(KEY, new ArrayList<>(updated));
    }
  }

  /**
   * Each flag a condition of {@code handlers} reads that is neither recorded, nor set when the
   * dispatch started, nor set during this hook, sorted, with the ids of the handlers reading it.
   */
  Map<String, List<String>> neverSet(List<Handler> handlers, JsonNode record,
      Collection<String> initialFlags) {
    Set<String> seen = recorded(record);
    seen.addAll(initialFlags);
    seen.addAll(setInHook);
    Map<String, List<String>> never = new TreeMap<>();
    readBy(handlers).forEach((flag, ids) -> {
      if (!seen.contains(flag)) {
        never.put(flag, List.copyOf(ids));
      }
    });
    return never;
  }

  /** Each flag the handlers' conditions (and {@code notUnless}) read, with the handlers' ids. */
  static Map<String, List<String>> readBy(List<Handler> handlers) {
    Map<String, List<String>> read = new LinkedHashMap<>();
    for (Handler h : handlers) {
      Set<String> flags = new java.util.LinkedHashSet<>(h.watchedFlags());
      flags.addAll(h.notUnless());
      for (String flag : flags) {
        read.computeIfAbsent(flag, f -> new ArrayList<>(1)).add(h.id());
      }
    }
    return read;
  }

  private static Set<String> recorded(JsonNode record) {
    Set<String> names = new HashSet<>();
    if (record != null && record.isArray()) {
      record.forEach(n -> names.add(n.asText()));
    }
    return names;
  }
}
