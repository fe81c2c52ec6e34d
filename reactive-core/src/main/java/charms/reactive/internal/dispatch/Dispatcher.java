package charms.reactive.internal.dispatch;

import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.DispatchSettings;
import charms.reactive.EndHook;
import charms.reactive.Handler;
import charms.reactive.HandlerContext;
import charms.reactive.HandlerFailedException;
import charms.reactive.IterationCapException;
import charms.reactive.KeyValueStore;
import charms.reactive.Phase;
import charms.reactive.ReactiveException;
import charms.reactive.RetestPolicy;
import charms.reactive.StateSnapshot;
import charms.reactive.Verdict;
import charms.reactive.internal.ConditionView;
import charms.reactive.internal.FlagListener;
import charms.reactive.internal.FlagSnapshot;
import charms.reactive.internal.conditions.FlagCondition;
import charms.reactive.internal.conditions.OnlyOnceCondition;
import charms.reactive.internal.stable.StableCondition;
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
 * Runs the handlers of one hook as a stream of {@link StateSnapshot}s: the hooks phase (one pass),
 * then the main loop (iterations until one queues nothing, or the cap), or the single restricted
 * pass.
 *
 * <p>Each pass snapshots the flags and queues, in registration order, the handlers whose condition
 * holds on that snapshot (phase, flag watch, conditions): the conditions' views ({@link PassView})
 * read the pass's immutable {@link FlagSnapshot} while the queue is made, and the current flags
 * for re-tests once it is fixed. Conditions that read more than flags (records, files, a bash
 * file's {@code --test}) read those as they are, through the same read-only view; at queueing
 * time no handler of the pass has run yet, so they see the state the snapshot was taken from.
 * The queue is fixed before any of the handlers runs. Queued handlers run one after another ({@code concatMap}); a handler's publisher completes
 * before the next handler starts. After a handler changed flags, the handlers still queued that
 * depend on a changed flag (and those whose conditions read more than flags) are tested again and
 * dropped if their condition no longer holds, so a handler starts only while its condition holds
 * ({@link RetestPolicy#CLEAR_ONLY} re-tests after clear calls only, like the original).
 *
 * <p>Iterations are an {@code expand} feedback loop over snapshots: each pass emits its snapshot
 * and the next one starts from the flags it left. Threading: everything runs on the hook's thread
 * ({@link HookThread}); a handler's publisher may complete on any thread, its outcome is handed
 * back. A handler error ends the stream with {@link HandlerFailedException} after the snapshot of
 * its pass; {@link charms.reactive.EndHook} ends it with success.
 */
public final class Dispatcher {
  private final List<Handler> handlers;
  private final DispatchSettings settings;
  private final HookSession session;
  private final HookThread thread;
  /** The hook as handlers change it (each gets it with its own id). */
  private final PinnedHook hook;
  /** What conditions read: the pass's snapshot while it is queued, then the current flags. */
  private final PassView view;
  /** Each handler's condition view, made when its conditions are first tested. */
  private final ConditionView[] conditionViews;
  private final FlagWatch watch = new FlagWatch();
  private final ChangeTracker tracker = new ChangeTracker();
  /** For each flag, the handlers watching it; built on the first flag change (never, if none). */
  private Map<String, int[]> watchers;
  private final int[] readsMoreThanFlags;
  /** Per handler, read without touching the handler: its phase, and whether it runs in every one. */
  private final Phase[] phases;
  private final boolean[] everyPhase;
  /** Per handler: stable handlers also see new values of set flags (their inputs). */
  private final boolean[] stable;
  /** The handlers that watch no flags: considered in every iteration. */
  private final int[] watchingNothing;
  private boolean capReached;
  /** A handler ended the hook early ({@link EndHook}): no handler starts after it. */
  private boolean ended;
  private List<String> capStillFiring = List.of();

  public Dispatcher(List<Handler> handlers, DispatchSettings settings, HookSession session,
      HookThread thread) {
    this.handlers = handlers;
    this.thread = thread;
    this.settings = settings;
    this.session = session;
    this.hook = new PinnedHook(session, thread);
    this.view = new PassView(session, watch);
    this.conditionViews = new ConditionView[handlers.size()];
    this.phases = new Phase[handlers.size()];
    this.everyPhase = new boolean[handlers.size()];
    this.stable = new boolean[handlers.size()];
    int[] opaque = new int[handlers.size()];
    int[] unwatched = new int[handlers.size()];
    int opaqueCount = 0;
    int unwatchedCount = 0;
    for (int i = 0; i < handlers.size(); i++) {
      Handler h = handlers.get(i);
      phases[i] = h.phase();
      everyPhase[i] = h.runsIn(Phase.HOOKS) && h.runsIn(Phase.OTHER);
      stable[i] = h.stable();
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
   * The dispatch as a stream of snapshots, one per pass (see {@link StateSnapshot}): the hooks
   * phase, then the main loop as an {@code expand} feedback loop (each snapshot's pass leaves the
   * flags the next one starts from) until a pass queues nothing or the cap is reached; or the
   * single restricted pass. A pass in which a handler (or a condition test) fails is emitted, then
   * the error. Subscribing runs the dispatch; subscribe once.
   */
  public Flux<StateSnapshot> dispatch(boolean restricted) {
    return Flux.defer(() -> {
      if (restricted) {
        return pass(Phase.RESTRICTED, 0);
      }
      return pass(Phase.HOOKS, 0).concatWith(Flux.defer(() -> ended ? Flux.empty() : mainLoop()));
    });
  }

  private Flux<StateSnapshot> mainLoop() {
    int cap = settings.iterationCap();
    return pass(Phase.OTHER, 0)
        .expand(done -> ended || done.quiescent() || done.iteration() + 1 >= cap
            ? Flux.empty() : pass(Phase.OTHER, done.iteration() + 1))
        .concatWith(Mono.defer(() -> capReached && !ended ? checkCap(cap) : Mono.<StateSnapshot>empty()));
  }

  /** The loop stopped at the cap: find out, without running anything, what would still run. */
  private Mono<StateSnapshot> checkCap(int cap) {
    return Mono.defer(() -> {
      watch.iteration(cap);
      // as a next pass would: on the flags as the last pass left them
      view.queueing(Phase.OTHER, session.state().flags().snapshot());
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

  /**
   * One pass: takes the snapshot, queues the handlers whose condition holds on it (the queue is
   * fixed from then on), runs them one after another with re-tests after flag changes, and emits
   * the snapshot with the pass's decisions.
   */
  private Flux<StateSnapshot> pass(Phase phase, int iteration) {
    return Flux.defer(() -> {
      watch.iteration(iteration);
      PassRecorder rec = new PassRecorder(phase, iteration, handlers.size());
      // the pass's snapshot: its conditions are tested on it, and it is what the pass emits
      FlagSnapshot flagsAtStart = session.state().flags().snapshot();
      view.queueing(phase, flagsAtStart);
      Set<String> changed = watch.changes();
      int[] queue = new int[handlers.size()];
      int[] position = new int[handlers.size()];
      Arrays.fill(position, -1);
      int queued = 0;
      try {
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
      } catch (RuntimeException e) {
        return Flux.error(e);
      } finally {
        view.running();
      }
      int count = queued;
      List<String> queuedIds = new ArrayList<>(count);
      for (int p = 0; p < count; p++) {
        queuedIds.add(handlers.get(queue[p]).id());
      }
      java.util.function.Supplier<StateSnapshot> snapshot = () -> new StateSnapshot(
          session.environment().hookName(), phase, iteration, flagsAtStart, changed, queuedIds,
          rec.toPass(handlers));
      if (phase == Phase.OTHER) {
        capReached = count > 0;
      }
      Mono<Void> run = Flux.range(0, count)
          .concatMap(pos -> ended || rec.isDropped(queue[pos]) ? Mono.empty()
              : invoke(queue[pos], rec).then(Mono.fromRunnable(
                  () -> retestAfter(queue[pos], pos, queue, count, position, rec, phase))))
          .then(Mono.fromRunnable(watch::commit));
      // the pass in which a handler failed is part of the hook's story: emit it, then the error
      return run.then(Mono.fromSupplier(snapshot)).flux()
          .onErrorResume(e -> Flux.concat(Mono.fromSupplier(snapshot), Flux.error(e)));
    });
  }

  private Mono<Void> invoke(int index, PassRecorder rec) {
    Handler handler = handlers.get(index);
    HandlerContext context = HandlerContext.of(handler.id(), hook);
    return Mono.defer(() -> {
      session.log().info("Invoking reactive handler: " + handler.id());
      warnNotUnless(handler);
      tracker.reset();
      Publisher<?> work;
      try {
        work = thread.inHandler(() -> handler.action().apply(context));
      } catch (Exception | LinkageError e) {
        return Mono.error(e);
      }
      if (work == null) {
        return Mono.<Void>empty();
      }
      if (work instanceof java.util.concurrent.Callable<?> callable
          && (work instanceof Mono || work instanceof Flux)) {
        // Reactor's synchronous publishers (fromCallable, just, empty, error: what invoke() and
        // most void-like handlers return) are called here, on the hook's thread, without a
        // subscription: the same outcome, for a fraction of the cost per handler
        try {
          thread.inHandler(callable);
          return Mono.<Void>empty();
        } catch (Exception e) {
          return Mono.error(reactor.core.Exceptions.unwrap(e));
        }
      }
      // the handler's publisher may signal on any thread: the hook goes on on its own
      return thread.deliverHandlerWork(Flux.from(work).then());
    }).onErrorResume(e -> {
      EndHook end = endHook(e);
      if (end == null) {
        rec.failed(index);
        return Mono.error(new HandlerFailedException(handler.id(), e));
      }
      ended = true;
      session.log().info(handler.id() + " ended the hook early"
          + (end.reason().isEmpty() ? "" : ": " + end.reason()));
      return Mono.empty();
    }).then(Mono.fromRunnable(() -> succeeded(index, handler, context, rec)));
  }

  private void succeeded(int index, Handler handler, HandlerContext context, PassRecorder rec) {
    for (Condition c : handler.conditions()) {
      c.onHandlerSuccess(context);
    }
    if (ended) {
      rec.endedHook(index);
    } else {
      rec.ran(index);
    }
  }

  /** The {@link EndHook} a handler signalled, possibly wrapped by a CompletionStage; or null. */
  private static EndHook endHook(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EndHook end) {
        return end;
      }
      if (!(t instanceof java.util.concurrent.CompletionException
          || t instanceof java.util.concurrent.ExecutionException)) {
        return null;
      }
    }
    return null;
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
    if (tracker.changed.isEmpty() && !tracker.valueChanged) {
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
    if (!watch.valueChanges().isEmpty()) {
      Map<String, int[]> index = watchers();
      for (String flag : watch.valueChanges()) {
        int[] affected = index.get(flag);
        if (affected != null) {
          for (int i : affected) {
            considered[i] |= stable[i];
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

  /**
   * Tests one handler: phase, then flag watch, then its conditions in order, each through the
   * handler's read-only {@link ConditionView} (so on the pass's snapshot while queueing, on the
   * current flags in a re-test). Changes nothing.
   */
  private Verdict test(int index, Phase phase) {
    Handler h = handlers.get(index);
    if (!h.runsIn(phase)) {
      return Verdict.unmet("waits for phase ", h.phase().label());
    }
    if (!watch.watches(h.watchedFlags())
        && !(stable[index] && watch.valueChanged(h.watchedFlags()))) {
      return Verdict.unmet(watch.unchangedReason(), h.watchedFlags());
    }
    ConditionView scope = conditionViews[index];
    if (scope == null) {
      scope = new ConditionView(h.id(), view);
      conditionViews[index] = scope;
    }
    Verdict met = Verdict.met();
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
      if (c instanceof charms.reactive.internal.stable.StableCondition) {
        met = v; // the trace says what changed
      }
    }
    return met;
  }

  /**
   * At the end of a successful hook, before its commit: a stable handler whose flag conditions
   * ({@code when*}, {@code only_once}) do not hold now forgets its recorded inputs, so that
   * leaving and re-entering its condition counts as a change (see the design notes, "Stable
   * handlers", rule 8). Hook, file and fact conditions are edges and are not looked at.
   */
  public void forgetStableOutsideTheirCondition() {
    KeyValueStore records = session.state().records(StableCondition.OWNER);
    for (int i = 0; i < handlers.size(); i++) {
      if (!stable[i]) {
        continue;
      }
      Handler h = handlers.get(i);
      if (records.get(h.id()).isEmpty()) {
        continue;
      }
      ConditionContext scope = ConditionContext.of(h.id(), Phase.OTHER, session, flags -> true);
      for (Condition c : h.conditions()) {
        if ((c instanceof FlagCondition || c instanceof OnlyOnceCondition)
            && !c.test(scope).holds()) {
          records.unset(h.id());
          break;
        }
      }
    }
  }

  /**
   * The handlers that still matched when the iteration cap was reached (empty if the loop
   * quiesced); the one part of the trace that is not a pass.
   */
  public List<String> capStillFiring() {
    return capStillFiring;
  }

  /** The flags changed, and whether any clear was called, since the current handler started. */
  private static final class ChangeTracker implements FlagListener {
    private final Set<String> changed = new HashSet<>();
    private boolean clearCalled;
    /** A set flag got a new value: stable handlers (which read more than flags) are re-tested. */
    private boolean valueChanged;

    void reset() {
      changed.clear();
      clearCalled = false;
      valueChanged = false;
    }

    @Override
    public void onValueChanged(String flag) {
      valueChanged = true;
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
