package charms.reactive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the dispatcher decided in one hook, and why: for every pass (the hooks phase, each
 * iteration of the main loop, or the restricted pass) every handler's outcome with its reason.
 * Recording the trace changes no state. Immutable.
 *
 * @param hook the hook's name
 * @param initialFlags the flags set when the dispatch started (after the start callbacks and
 *     sources), sorted
 * @param passes the passes in the order they ran
 * @param capStillFiring the handlers that still matched when the iteration cap was reached, or an
 *     empty list if the loop quiesced
 * @param neverSetFlags each flag that a condition of the charm reads but that has never been set
 *     on this unit (not in the unit's record of flags set by committed hooks, not set when the
 *     dispatch started, not set during this hook), sorted, with the ids of the handlers reading
 *     it: usually a typo or a flag nothing sets. Worked out when first read
 */
public record DispatchTrace(String hook, List<String> initialFlags, List<Pass> passes,
    List<String> capStillFiring, Map<String, List<String>> neverSetFlags) {

  public DispatchTrace {
    initialFlags = List.copyOf(initialFlags);
    passes = List.copyOf(passes);
    capStillFiring = List.copyOf(capStillFiring);
    if (!(neverSetFlags instanceof LazyFlags)) {
      Map<String, List<String>> copy = new TreeMap<>();
      neverSetFlags.forEach((flag, ids) -> copy.put(flag, List.copyOf(ids)));
      neverSetFlags = Collections.unmodifiableMap(copy);
    }
  }

  /** A trace that knows of no never-set flags. */
  public DispatchTrace(String hook, List<String> initialFlags, List<Pass> passes,
      List<String> capStillFiring) {
    this(hook, initialFlags, passes, capStillFiring, Map.of());
  }

  /**
   * A trace whose {@link #neverSetFlags()} come from {@code neverSet} on first access (a sorted
   * map of flag to reading handler ids): finding them walks every handler's conditions, and most
   * traces are never looked at.
   */
  public static DispatchTrace of(String hook, List<String> initialFlags, List<Pass> passes,
      List<String> capStillFiring, Supplier<Map<String, List<String>>> neverSet) {
    return new DispatchTrace(hook, initialFlags, passes, capStillFiring, new LazyFlags(neverSet));
  }

  /** An unmodifiable sorted map made on first access, then kept. */
  private static final class LazyFlags extends java.util.AbstractMap<String, List<String>> {
    private Supplier<Map<String, List<String>>> source;
    private Map<String, List<String>> made;

    LazyFlags(Supplier<Map<String, List<String>>> source) {
      this.source = source;
    }

    @Override
    public synchronized Set<Entry<String, List<String>>> entrySet() {
      if (made == null) {
        Map<String, List<String>> copy = new TreeMap<>();
        source.get().forEach((flag, ids) -> copy.put(flag, List.copyOf(ids)));
        made = Collections.unmodifiableMap(copy);
        source = null;
      }
      return made.entrySet();
    }
  }

  /** What happened to one handler in one pass. */
  public enum Outcome {
    /** Its condition held and it completed. */
    RAN,
    /** Its condition held and it threw or signalled an error; the hook failed. */
    FAILED,
    /** Its condition did not hold when the pass was queued. */
    SKIPPED,
    /** It was queued, then a flag change made its condition false before it could start. */
    DROPPED,
    /** It was queued but an earlier handler failed or ended the hook, so it was never started. */
    NOT_REACHED,
    /** Its condition held and it ended the hook early, with success ({@link EndHook}). */
    ENDED_HOOK
  }

  /**
   * One handler's outcome in one pass.
   *
   * @param retestedAfter for {@link Outcome#DROPPED}, the handler whose flag changes caused the
   *     re-test; otherwise null
   */
  public record Decision(String handlerId, Outcome outcome, Verdict verdict, String retestedAfter) {

    /** The reason as text, such as {@code flag not set: db.ready}. */
    public String reason() {
      return retestedAfter == null ? verdict.describe()
          : "re-tested after " + retestedAfter + ": " + verdict.describe();
    }
  }

  /** One pass: the hooks phase, a main-loop iteration, or the restricted pass. */
  public record Pass(Phase phase, int iteration, List<Decision> decisions) {

    public Pass {
      decisions = decisions instanceof LazyDecisions ? decisions : List.copyOf(decisions);
    }

    /**
     * A pass whose decisions are made on first access from {@code decision}, which must be a pure
     * function of the finished pass: a hook records thousands of decisions per pass and most are
     * never looked at.
     */
    public static Pass of(Phase phase, int iteration, int handlers,
        java.util.function.IntFunction<Decision> decision) {
      return new Pass(phase, iteration, new LazyDecisions(handlers, decision));
    }

    /**
     * The ids of the handlers that ran (or failed, or ended the hook) in this pass, in the order
     * they started.
     */
    public List<String> ran() {
      List<String> ids = new ArrayList<>();
      for (Decision d : decisions) {
        if (d.outcome() == Outcome.RAN || d.outcome() == Outcome.FAILED
            || d.outcome() == Outcome.ENDED_HOOK) {
          ids.add(d.handlerId());
        }
      }
      return ids;
    }

    /** This pass's decision for one handler, or null if it was not tested in it. */
    public Decision decisionFor(String handlerId) {
      for (Decision d : decisions) {
        if (d.handlerId().equals(handlerId)) {
          return d;
        }
      }
      return null;
    }

    String title() {
      return phase == Phase.OTHER ? "other phase, iteration " + iteration : phase.label() + " phase";
    }
  }

  /** An unmodifiable list whose elements are made on first access and then kept. */
  private static final class LazyDecisions extends java.util.AbstractList<Decision>
      implements java.util.RandomAccess {
    private final Decision[] made;
    private final java.util.function.IntFunction<Decision> decision;

    LazyDecisions(int size, java.util.function.IntFunction<Decision> decision) {
      this.made = new Decision[size];
      this.decision = decision;
    }

    @Override
    public Decision get(int index) {
      Decision d = made[index];
      if (d == null) {
        d = decision.apply(index);
        made[index] = d;
      }
      return d;
    }

    @Override
    public int size() {
      return made.length;
    }
  }

  /** Every handler started in this hook, in order, with repeats across iterations. */
  public List<String> handlersRun() {
    List<String> ids = new ArrayList<>();
    passes.forEach(p -> ids.addAll(p.ran()));
    return ids;
  }

  /** The iterations of the main loop that ran handlers or found nothing to run. */
  public long iterations() {
    return passes.stream().filter(p -> p.phase() == Phase.OTHER).count();
  }

  /** A human-readable report, one line per decision, for operators. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("dispatch trace for hook ").append(hook).append(": ")
        .append(initialFlags.size()).append(" flags set at start")
        .append(initialFlags.isEmpty() ? "" : " (" + String.join(", ", initialFlags) + ")")
        .append('\n');
    for (Pass pass : passes) {
      out.append(pass.title()).append(':');
      if (pass.decisions().isEmpty()) {
        out.append(" no handlers");
      }
      out.append('\n');
      for (Decision d : pass.decisions()) {
        out.append(String.format("  %-11s %s", d.outcome().name().toLowerCase(java.util.Locale.ROOT),
            d.handlerId()));
        if (d.outcome() != Outcome.RAN || d.verdict() != Verdict.met()) {
          out.append(" -- ").append(d.reason());
        }
        out.append('\n');
      }
    }
    if (!capStillFiring.isEmpty()) {
      out.append("iteration cap reached; still matching: ")
          .append(String.join(", ", capStillFiring)).append('\n');
    }
    if (!neverSetFlags.isEmpty()) {
      List<String> items = new ArrayList<>();
      neverSetFlags.forEach((flag, ids) -> items.add(flag + " (read by " + String.join(", ", ids)
          + ")"));
      out.append("WARNING never set on this unit: ").append(String.join("; ", items)).append('\n');
    }
    return out.toString();
  }
}
