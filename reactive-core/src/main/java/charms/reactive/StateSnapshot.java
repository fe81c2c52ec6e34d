package charms.reactive;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * The state one pass of a hook's dispatch started from, and what the pass did with it. A hook is
 * the stream of its snapshots ({@link ReactiveCharm#hook}): the hooks phase, then one per
 * iteration of the main loop until one queues nothing (or the single restricted pass). Each
 * handler is a filter over the snapshots: it is queued in a pass when its condition holds on the
 * pass's snapshot (its conditions read {@link #flags} through their {@link ConditionContext}),
 * and what it changes is in the next snapshot. Immutable; passes that changed no flag share one
 * {@code flags} map.
 *
 * @param hook the hook's name
 * @param phase the phase of this pass
 * @param iteration the main-loop iteration (0 for the hooks and restricted passes)
 * @param flags the set flags with their values when the pass started, sorted by name
 * @param changed the flags that changed (set or cleared, triggers included) in the previous pass;
 *     for the first pass, those the hook's start (sources, start callbacks) changed. In iteration
 *     N > 0, a handler watching flags is considered only if one of them is here
 * @param queued the handlers whose condition held on this snapshot, in the order they were
 *     queued; an empty queue is quiescence and ends the hook's dispatch
 * @param pass every handler's decision in this pass (ran, skipped with the reason, dropped after
 *     a re-test, failed); the hook's {@link DispatchTrace} is these passes in order
 */
public record StateSnapshot(String hook, Phase phase, int iteration,
    SortedMap<String, JsonNode> flags, Set<String> changed, List<String> queued,
    DispatchTrace.Pass pass) {

  public StateSnapshot {
    // one copy per change of the flags: the dispatcher passes the flag table's frozen flags,
    // which are kept as they are
    flags = charms.reactive.internal.FlagSnapshot.copyOf(flags);
    changed = Set.copyOf(changed);
    queued = List.copyOf(queued);
  }

  /** True if nothing was queued in this pass: the dispatch has nothing more to do. */
  public boolean quiescent() {
    return queued.isEmpty();
  }

  public boolean isSet(String flag) {
    return flags.containsKey(flag);
  }
}
