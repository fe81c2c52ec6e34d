package charms.reactive.internal.dispatch;

import charms.reactive.DispatchTrace;
import charms.reactive.DispatchTrace.Outcome;
import charms.reactive.Handler;
import charms.reactive.Phase;
import charms.reactive.Verdict;
import java.util.List;

/**
 * Records one pass's decisions in arrays indexed like the handler list; cheap to fill. The two
 * commonest reasons are recorded as markers and spelled out only when the trace is read, so a
 * pass need not touch the handlers it does not test.
 */
final class PassRecorder {
  /** The handler belongs to another phase. */
  static final Verdict OTHER_PHASE = Verdict.unmet("waits for phase ", null);
  /** None of the handler's flags changed in the previous iteration. */
  static final Verdict NOT_WATCHED = Verdict.unmet("none of its flags changed", null);

  private final Phase phase;
  private final int iteration;
  private final Outcome[] outcomes;
  private final Verdict[] verdicts;
  private final String[] retestedAfter;

  PassRecorder(Phase phase, int iteration, int handlers) {
    this.phase = phase;
    this.iteration = iteration;
    this.outcomes = new Outcome[handlers];
    this.verdicts = new Verdict[handlers];
    this.retestedAfter = new String[handlers];
  }

  void tested(int handler, Verdict verdict) {
    verdicts[handler] = verdict;
    outcomes[handler] = verdict.holds() ? Outcome.NOT_REACHED : Outcome.SKIPPED;
  }

  void ran(int handler) {
    outcomes[handler] = Outcome.RAN;
  }

  void endedHook(int handler) {
    outcomes[handler] = Outcome.ENDED_HOOK;
  }

  void failed(int handler) {
    outcomes[handler] = Outcome.FAILED;
  }

  void dropped(int handler, Verdict verdict, String after) {
    outcomes[handler] = Outcome.DROPPED;
    verdicts[handler] = verdict;
    retestedAfter[handler] = after;
  }

  boolean isDropped(int handler) {
    return outcomes[handler] == Outcome.DROPPED;
  }

  /** The pass as the trace shows it; its decisions are made when first read. */
  DispatchTrace.Pass toPass(List<Handler> handlers) {
    String notWatched = "none of its flags changed in iteration " + (iteration - 1) + ": ";
    return DispatchTrace.Pass.of(phase, iteration, outcomes.length, i -> {
      Handler h = handlers.get(i);
      Verdict v = verdicts[i];
      if (v == OTHER_PHASE) {
        v = Verdict.unmet(OTHER_PHASE.reason(), h.phase().label());
      } else if (v == NOT_WATCHED) {
        v = Verdict.unmet(notWatched, h.watchedFlags());
      }
      return new DispatchTrace.Decision(h.id(), outcomes[i], v, retestedAfter[i]);
    });
  }
}
