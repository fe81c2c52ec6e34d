package charms.reactive.internal.dispatch;

import charms.reactive.Condition;
import charms.reactive.DispatchSettings;
import charms.reactive.DispatchTrace;
import charms.reactive.Handler;
import charms.reactive.HandlerFailedException;
import charms.reactive.IterationCapException;
import charms.reactive.Phase;
import charms.reactive.ReactiveException;
import charms.reactive.RetestPolicy;
import charms.reactive.Verdict;
import charms.reactive.internal.FlagListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the handlers of one hook: the hooks phase (one pass), then the main loop (iterations until
 * one queues nothing, or the cap), or the single restricted pass.
 *
 * <p>Each pass tests every handler in registration order against the state at the start of the
 * pass and queues those whose condition holds; the queue is fixed before any of them runs.
 * Queued handlers run one after another ({@code concatMap}); a handler's publisher completes before
 * the next handler starts. After a handler changed flags, the handlers still queued that depend on
 * a changed flag (and those whose conditions read more than flags) are tested again and dropped if
 * their condition no longer holds, so a handler starts only while its condition holds
 * ({@link RetestPolicy#CLEAR_ONLY} re-tests after clear calls only, like the original).
 *
 * <p>Iterations are an {@code expand} feedback loop: each pass emits its result and the next one
 * starts from the flags it left. Everything runs on the subscribing thread unless a handler's own
 * publisher moves it. A handler error ends the dispatch with {@link HandlerFailedException}.
 */
public final class Dispatcher {
  private final List<Handler> handlers;
  private final DispatchSettings settings;
  private final HookSession session;
  private final HandlerScope[] scopes;
  private final FlagWatch watch = new FlagWatch();
  private final ChangeTracker tracker = new ChangeTracker();
  /** For each flag, the handlers watching it; built on the first flag change (never, if none). */
  private Map<String, int[]> watchers;
  private final int[] readsMoreThanFlags;
  /** Per handler, read without touching the handler: its phase, and whether it runs in every one. */
  private final Phase[] phases;
  private final boolean[] everyPhase;
  /** The handlers that watch no flags: considered in every iteration. */
  private final int[] watchingNothing;
  private final List<PassRecorder> passes = new ArrayList<>();
  private List<String> initialFlags = List.of();
  private List<String> capStillFiring = List.of();

  public Dispatcher(List<Handler> handlers, DispatchSettings settings, HookSession session) {
    this.handlers = handlers;
    this.settings = settings;
    this.session = session;
    this.scopes = new HandlerScope[handlers.size()];
    this.phases = new Phase[handlers.size()];
    this.everyPhase = new boolean[handlers.size()];
    int[] opaque = new int[handlers.size()];
    int[] unwatched = new int[handlers.size()];
    int opaqueCount = 0;
    int unwatchedCount = 0;
    for (int i = 0; i < handlers.size(); i++) {
      Handler h = handlers.get(i);
      scopes[i] = new HandlerScope(h.id(), session, watch);
      phases[i] = h.phase();
      everyPhase[i] = h.runsIn(Phase.HOOKS) && h.runsIn(Phase.OTHER);
      if (!h.dependsOnlyOnWatchedFlags()) {
        opaque[opaqueCount++] = i;
      }
      if (h.watchedFlags().isEmpty()) {
        unwatched[unwatchedCount++] = i;
      }
    }
    this.readsMoreThanFlags = Arrays.copyOf(opaque, opaqueCount);
    this.watchingNothing = Arrays.copyOf(unwatched, unwatchedCount);
    session.state().flags().addListener(watch);
    session.state().flags().addListener(tracker);
  }

  /**
   * The dispatch as a publisher: subscribing runs it; it emits the trace and completes, or signals
   * the first error (the trace so far is then available from {@link #trace()}).
   */
  public Mono<DispatchTrace> dispatch(boolean restricted) {
    return Mono.defer(() -> {
      initialFlags = session.flags().list();
      if (restricted) {
        return pass(Phase.RESTRICTED, 0).then();
      }
      return pass(Phase.HOOKS, 0).then(mainLoop());
    }).then(Mono.fromCallable(this::trace));
  }

  private Mono<Void> mainLoop() {
    int cap = settings.iterationCap();
    return pass(Phase.OTHER, 0)
        .expand(done -> done.queued() == 0 || done.iteration() + 1 >= cap
            ? Mono.empty() : pass(Phase.OTHER, done.iteration() + 1))
        .last()
        .flatMap(last -> last.queued() > 0 && last.iteration() + 1 >= cap ? checkCap(cap) : Mono.empty());
  }

  /** The loop stopped at the cap: find out, without running anything, what would still run. */
  private Mono<Void> checkCap(int cap) {
    return Mono.defer(() -> {
      watch.iteration(cap);
      List<String> still = new ArrayList<>();
      for (int i = 0; i < handlers.size(); i++) {
        if (test(i, Phase.OTHER).holds()) {
          still.add(handlers.get(i).id());
        }
      }
      capStillFiring = List.copyOf(still);
      if (still.isEmpty()) {
        return Mono.empty();
      }
      if (settings.strictCap()) {
        return Mono.error(new IterationCapException(cap, still));
      }
      session.log().warning("dispatch reached the iteration cap of " + cap
          + " with handlers still matching: " + String.join(", ", still));
      return Mono.empty();
    });
  }

  private Mono<PassResult> pass(Phase phase, int iteration) {
    return Mono.defer(() -> {
      watch.iteration(iteration);
      PassRecorder rec = new PassRecorder(phase, iteration, handlers.size());
      passes.add(rec);
      int[] queue = new int[handlers.size()];
      int[] position = new int[handlers.size()];
      Arrays.fill(position, -1);
      int queued = 0;
      // After iteration 0 only the handlers watching a changed flag, or nothing, can match: the
      // others are recorded without being looked at, which keeps a pass over thousands of idle
      // handlers out of their memory.
      boolean[] considered = phase == Phase.OTHER && iteration > 0 ? considered() : null;
      for (int i = 0; i < handlers.size(); i++) {
        if (!everyPhase[i] && phases[i] != phase) {
          rec.tested(i, PassRecorder.OTHER_PHASE);
          continue;
        }
        if (considered != null && !considered[i]) {
          rec.tested(i, PassRecorder.NOT_WATCHED);
          continue;
        }
        Verdict v = test(i, phase);
        rec.tested(i, v);
        if (v.holds()) {
          position[i] = queued;
          queue[queued++] = i;
        }
      }
      int count = queued;
      PassResult result = new PassResult(iteration, count);
      return Flux.range(0, count)
          .concatMap(pos -> rec.isDropped(queue[pos]) ? Mono.empty()
              : invoke(queue[pos], rec).then(Mono.fromRunnable(
                  () -> retestAfter(queue[pos], pos, queue, count, position, rec, phase))))
          .then(Mono.fromCallable(() -> {
            watch.commit();
            return result;
          }));
    });
  }

  private Mono<Void> invoke(int index, PassRecorder rec) {
    Handler handler = handlers.get(index);
    HandlerScope scope = scopes[index];
    return Mono.defer(() -> {
      session.log().info("Invoking reactive handler: " + handler.id());
      warnNotUnless(handler);
      tracker.reset();
      Publisher<?> work;
      try {
        work = handler.action().apply(scope);
      } catch (Exception | LinkageError e) {
        return Mono.error(e);
      }
      return work == null ? Mono.<Void>empty() : Flux.from(work).then();
    }).onErrorMap(e -> {
      rec.failed(index);
      return new HandlerFailedException(handler.id(), e);
    }).then(Mono.fromRunnable(() -> {
      for (Condition c : handler.conditions()) {
        c.onHandlerSuccess(scope);
      }
      rec.ran(index);
    }));
  }

  private void warnNotUnless(Handler handler) {
    if (handler.notUnless().isEmpty()) {
      return;
    }
    // in declaration order, as the original lists them (get_unset_flags would sort them)
    List<String> missing = handler.notUnless().stream()
        .filter(flag -> !session.flags().isSet(flag)).toList();
    if (!missing.isEmpty()) {
      session.log().warning(handler.id() + " called before flag" + (missing.size() > 1 ? "s" : "")
          + ": " + String.join(", ", missing));
    }
  }

  private void retestAfter(int ran, int pos, int[] queue, int count, int[] position,
      PassRecorder rec, Phase phase) {
    String cause = handlers.get(ran).id();
    if (settings.retest() == RetestPolicy.CLEAR_ONLY) {
      if (tracker.clearCalled) {
        for (int p = pos + 1; p < count; p++) {
          retest(queue[p], rec, phase, cause);
        }
      }
      return;
    }
    if (tracker.changed.isEmpty()) {
      return;
    }
    Map<String, int[]> index = watchers();
    for (String flag : tracker.changed) {
      int[] affected = index.get(flag);
      if (affected != null) {
        for (int h : affected) {
          if (position[h] > pos) {
            retest(h, rec, phase, cause);
          }
        }
      }
    }
    for (int h : readsMoreThanFlags) {
      if (position[h] > pos) {
        retest(h, rec, phase, cause);
      }
    }
  }

  /** The handlers the flag watch lets through in this iteration (N > 0). */
  private boolean[] considered() {
    boolean[] considered = new boolean[handlers.size()];
    for (int i : watchingNothing) {
      considered[i] = true;
    }
    if (!watch.changes().isEmpty()) {
      Map<String, int[]> index = watchers();
      for (String flag : watch.changes()) {
        int[] affected = index.get(flag);
        if (affected != null) {
          for (int i : affected) {
            considered[i] = true;
          }
        }
      }
    }
    return considered;
  }

  /**
   * The handlers watching each flag, in registration order. Built once per hook, and only when a
   * flag changes: a hook that changes nothing (the common steady state) never needs it.
   */
  private Map<String, int[]> watchers() {
    if (watchers == null) {
      Map<String, int[]> byFlag = new HashMap<>(); // while building, slot 0 holds the count
      for (int i = 0; i < handlers.size(); i++) {
        for (String flag : handlers.get(i).watchedFlags()) {
          int[] list = byFlag.get(flag);
          if (list == null) {
            list = new int[4];
            byFlag.put(flag, list);
          } else if (list[0] + 1 == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            byFlag.put(flag, list);
          }
          list[++list[0]] = i;
        }
      }
      byFlag.replaceAll((flag, list) -> Arrays.copyOfRange(list, 1, list[0] + 1));
      watchers = byFlag;
    }
    return watchers;
  }

  private void retest(int index, PassRecorder rec, Phase phase, String cause) {
    if (rec.isDropped(index)) {
      return;
    }
    Verdict v = test(index, phase);
    if (!v.holds()) {
      rec.dropped(index, v, cause);
    }
  }

  /** Tests one handler: phase, then flag watch, then its conditions in order. Changes nothing. */
  private Verdict test(int index, Phase phase) {
    Handler h = handlers.get(index);
    if (!h.runsIn(phase)) {
      return Verdict.unmet("waits for phase ", h.phase().label());
    }
    if (!watch.watches(h.watchedFlags())) {
      return Verdict.unmet(watch.unchangedReason(), h.watchedFlags());
    }
    HandlerScope scope = scopes[index];
    scope.phase(phase);
    for (Condition c : h.conditions()) {
      Verdict v;
      try {
        v = c.test(scope);
      } catch (ReactiveException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new ReactiveException("testing " + c.describe() + " of handler " + h.id()
            + " failed: " + e.getMessage(), e);
      }
      if (!v.holds()) {
        return v;
      }
    }
    return Verdict.met();
  }

  /** The trace of everything dispatched so far. */
  public DispatchTrace trace() {
    List<DispatchTrace.Pass> done = new ArrayList<>(passes.size());
    for (PassRecorder rec : passes) {
      done.add(rec.toPass(handlers));
    }
    return new DispatchTrace(session.environment().hookName(), initialFlags, done, capStillFiring);
  }

  /** The flags changed, and whether any clear was called, since the current handler started. */
  private static final class ChangeTracker implements FlagListener {
    private final Set<String> changed = new HashSet<>();
    private boolean clearCalled;

    void reset() {
      changed.clear();
      clearCalled = false;
    }

    @Override
    public void onTransition(String flag, boolean set) {
      changed.add(flag);
    }

    @Override
    public void onClearCalled(String flag) {
      clearCalled = true;
    }
  }
}
