package charms.reactive.internal.dispatch;

import charms.reactive.DispatchTrace;
import charms.reactive.DispatchTrace.Outcome;
import charms.reactive.Handler;
import charms.reactive.Phase;
import charms.reactive.Verdict;
import java.util.ArrayList;
import java.util.List;

/** Records one pass's decisions in arrays indexed like the handler list; cheap to fill. */
final class PassRecorder {
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

  DispatchTrace.Pass toPass(List<Handler> handlers) {
    List<DispatchTrace.Decision> decisions = new ArrayList<>(outcomes.length);
    for (int i = 0; i < outcomes.length; i++) {
      decisions.add(new DispatchTrace.Decision(handlers.get(i).id(), outcomes[i], verdicts[i],
          retestedAfter[i]));
    }
    return new DispatchTrace.Pass(phase, iteration, decisions);
  }
}
