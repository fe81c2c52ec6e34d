package charms.reactive.internal.dispatch;

import charms.reactive.CharmMetadata;
import charms.reactive.DispatchSettings;
import charms.reactive.DispatchTrace;
import charms.reactive.FlagFact;
import charms.reactive.Flags;
import charms.reactive.Handler;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.spi.HandlerProvider;
import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.spi.HookOverrides;
import charms.reactive.HookRun;
import charms.reactive.HookServices;
import charms.reactive.LifecycleCallback;
import charms.reactive.StateSnapshot;
import charms.reactive.spi.StateSource;
import charms.reactive.Trigger;
import charms.reactive.internal.UnitState;
import charms.reactive.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * One hook, start to commit, as one Reactor pipeline run on the thread that subscribes to it:
 * <ol>
 *   <li>open the state store (taking its lock) and load the committed state into a transaction;
 *   <li>start: the start callbacks in registration order, then each state source subscribed once,
 *       in registration order, its facts applied to the flags in emission order, then the
 *       after-sources callbacks: the state the dispatch starts from (skipped in restricted mode);
 *   <li>dispatch: the stream of {@link StateSnapshot}s, one per pass (see {@link Dispatcher});
 *   <li>exit: the exit callbacks in reverse registration order (skipped in restricted mode);
 *   <li>commit the transaction, if it changed anything; then release the lock.
 * </ol>
 * Any error in any step skips the rest: nothing is committed and the hook exits with 1. The
 * dispatch trace is made from the snapshots the hook emitted.
 *
 * <p>Threading: the whole hook runs on the subscribing thread, which waits for any publisher that
 * signals elsewhere ({@link HookThread}); subscribing returns when the hook is over. The snapshots
 * reach the subscriber as the passes end, buffered if it requests fewer; cancelling ends the hook
 * without a commit.
 */
public final class HookRunner {

  /** What a charm is made of, shared by every hook it runs. */
  public record CharmDefinition(List<HandlerProvider> handlers, List<Trigger> triggers,
      List<LifecycleCallback> startCallbacks, List<LifecycleCallback> exitCallbacks,
      List<StateSource> sources, List<LifecycleCallback> afterSources,
      Map<Class<?>, Object> services,
      Map<Class<?>, Function<HookServices, ?>> hookServices, DispatchSettings settings,
      Function<HookServices, StateStore> stores, Function<HookServices, HookLog> logs) {
  }

  private final CharmDefinition charm;
  private final HookEnvironment environment;
  private final HookOverrides overrides;
  private final ServiceRegistry services;
  private final HookLog log;
  private final boolean restricted;
  private final List<StateSnapshot> snapshots = new ArrayList<>();
  private HookThread thread;
  private HookSession session;
  private Dispatcher dispatcher;
  private List<Handler> handlers = List.of();
  private final FlagHistory history = new FlagHistory();
  private boolean committed;
  private HookRun outcome;

  private HookRunner(CharmDefinition charm, HookEnvironment environment, HookOverrides overrides) {
    this.charm = charm;
    this.environment = environment;
    this.overrides = overrides;
    this.services = new ServiceRegistry(environment, overrides.services(), charm.services(),
        charm.hookServices());
    this.log = charm.logs().apply(services);
    this.restricted = environment.isRestricted();
  }

  /**
   * The hook as a cold stream of snapshots: each subscription runs one hook, to its commit, on the
   * subscribing thread; the stream completes when the hook committed, or signals what failed it
   * (after the pass that failed, if a handler did).
   */
  public static Flux<StateSnapshot> hook(CharmDefinition charm, HookEnvironment environment,
      HookOverrides overrides) {
    return Flux.defer(() -> new HookRunner(charm, environment, overrides).snapshots());
  }

  /** Runs one hook on the calling thread and reports its outcome; never throws for a failure. */
  public static HookRun execute(CharmDefinition charm, HookEnvironment environment,
      HookOverrides overrides) {
    HookRunner runner = new HookRunner(charm, environment, overrides);
    // the hook runs inside subscribe(), on this thread: no block() needed
    runner.snapshots().subscribe(new BaseSubscriber<StateSnapshot>() {
      @Override
      protected void hookOnError(Throwable error) {
        // reported in the outcome
      }
    });
    return runner.outcome;
  }

  private Flux<StateSnapshot> snapshots() {
    return Flux.create(sink -> {
      HookRun run = runHere(sink);
      outcome = run;
      if (sink.isCancelled()) {
        return;
      }
      if (run.error().isPresent()) {
        sink.error(run.error().get());
      } else {
        sink.complete();
      }
    }, FluxSink.OverflowStrategy.BUFFER);
  }

  /** Runs the hook on this thread, passing its snapshots on; logs and reports its outcome. */
  private HookRun runHere(FluxSink<StateSnapshot> sink) {
    thread = new HookThread();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean done = new AtomicBoolean();
    BaseSubscriber<StateSnapshot> subscriber = new BaseSubscriber<>() {
      @Override
      protected void hookOnNext(StateSnapshot snapshot) {
        snapshots.add(snapshot);
        sink.next(snapshot);
      }

      @Override
      protected void hookOnError(Throwable e) {
        failure.set(e);
      }

      @Override
      protected void hookFinally(reactor.core.publisher.SignalType type) {
        done.set(true);
        thread.wakeUp();
      }
    };
    sink.onCancel(subscriber::dispose);
    try {
      thread.drain(() -> pipeline().subscribe(subscriber), done::get);
    } catch (RuntimeException | Error e) {
      subscriber.dispose();
      failure.compareAndSet(null, e);
    }
    if (subscriber.isDisposed() && failure.get() == null && !committed) {
      failure.set(new charms.reactive.ReactiveException("the hook was cancelled before its commit; "
          + "nothing was committed"));
    }
    try {
      DispatchTrace trace = trace();
      if (failure.get() == null) {
        printTrace(trace, false);
        return outcome(0, Optional.empty(), trace);
      }
      Throwable error = unwrap(failure.get());
      log.error("Hook error:", error);
      printTrace(trace, true);
      return outcome(1, Optional.of(error), trace);
    } finally {
      log.flush();
    }
  }

  private Flux<StateSnapshot> pipeline() {
    return Flux.using(() -> overrides.stateStore() != null ? overrides.stateStore()
            : charm.stores().apply(services),
        store -> Mono.fromCallable(store::load)
            .map(this::openSession)
            .flatMapMany(s -> start(s)
                .thenMany(dispatcher.dispatch(restricted))
                .concatWith(exit(s).then(commit(store, s)).then(Mono.empty()))),
        StateStore::close);
  }

  /** The trace of the passes emitted so far; null if the hook failed before it began. */
  private DispatchTrace trace() {
    if (dispatcher == null) {
      return null;
    }
    List<String> initial = snapshots.isEmpty() ? List.of()
        : List.copyOf(snapshots.get(0).flags().keySet());
    List<DispatchTrace.Pass> passes = new ArrayList<>(snapshots.size());
    for (StateSnapshot s : snapshots) {
      passes.add(s.pass());
    }
    List<Handler> read = handlers;
    com.fasterxml.jackson.databind.JsonNode record = session.state().records(FlagHistory.OWNER)
        .get(FlagHistory.KEY).orElse(null);
    return DispatchTrace.of(environment.hookName(), initial, passes, dispatcher.capStillFiring(),
        () -> history.neverSet(read, record, initial));
  }

  private HookSession openSession(charms.reactive.state.StateDocument committedState) {
    log.info("Reactive main running for hook " + environment.hookName());
    if (restricted) {
      log.info("Restricted mode.");
    }
    UnitState state = new UnitState(committedState, charm.triggers());
    session = new HookSession(state, environment, log, services, this::readMetadata,
        charm.exitCallbacks());
    handlers = handlersFor(session);
    state.flags().addListener(history);
    dispatcher = new Dispatcher(handlers, charm.settings(), session, thread);
    return session;
  }

  /**
   * The handlers of this hook, in registration order. The charm's fixed handlers were checked for
   * duplicate ids when it was built; only a provider's handlers are checked here, against all.
   */
  private List<Handler> handlersFor(HookSession session) {
    boolean dynamic = false;
    for (HandlerProvider provider : charm.handlers()) {
      dynamic |= !(provider instanceof FixedHandlers);
    }
    List<Handler> handlers = new java.util.ArrayList<>();
    for (HandlerProvider provider : charm.handlers()) {
      handlers.addAll(provider.handlers(session));
    }
    if (charm.settings().stableByDefault()) {
      handlers.replaceAll(Handler::stableByDefault);
    }
    if (dynamic) {
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (Handler h : handlers) {
        if (!ids.add(h.id())) {
          throw new HandlerDefinitionException("two handlers have the id " + h.id()
              + "; give one an explicit id");
        }
      }
    }
    return handlers;
  }

  /** Handlers known when the charm was built (their ids were checked then). */
  public record FixedHandlers(List<Handler> handlers) implements HandlerProvider {
    public FixedHandlers {
      handlers = List.copyOf(handlers);
    }

    @Override
    public List<Handler> handlers(charms.reactive.HookContext context) {
      return handlers;
    }
  }

  private CharmMetadata readMetadata() {
    return CharmMetadata.read(environment.charmDir().resolve("metadata.yaml"));
  }

  private Mono<Void> start(HookSession s) {
    if (restricted) {
      return Mono.empty();
    }
    Flags flags = s.flags();
    return Mono.fromCallable(() -> {
      for (LifecycleCallback callback : charm.startCallbacks()) {
        callback.run(s);
      }
      return Boolean.TRUE;
    }).thenMany(Flux.fromIterable(charm.sources())
            .concatMap(source -> thread.deliverEach(source.facts(s))))
        .doOnNext(fact -> apply(fact, flags))
        .then(Mono.fromCallable(() -> {
          for (LifecycleCallback callback : charm.afterSources()) {
            callback.run(s);
          }
          return Boolean.TRUE;
        }))
        .then();
  }

  private static void apply(FlagFact fact, Flags flags) {
    if (fact.set()) {
      flags.set(fact.flag(), fact.value());
    } else {
      flags.clear(fact.flag());
    }
  }

  private Mono<Void> exit(HookSession s) {
    if (restricted) {
      return Mono.empty();
    }
    return Mono.fromCallable(() -> {
      s.runExitCallbacks();
      return Boolean.TRUE;
    }).then();
  }

  private Mono<Void> commit(StateStore store, HookSession s) {
    return Mono.fromRunnable(() -> {
      history.record(s.records(FlagHistory.OWNER), handlers, s.flags());
      dispatcher.forgetStableOutsideTheirCondition();
      if (s.state().isDirty()) {
        store.commit(s.state().toDocument());
      }
      committed = true;
    });
  }

  private void printTrace(DispatchTrace trace, boolean failed) {
    if (trace == null) {
      return;
    }
    boolean wanted = charm.settings().printTrace()
        || environment.get("CHARMS_REACTIVE_TRACE").map(v -> v.equals("1") || v.equalsIgnoreCase("true"))
            .orElse(false);
    if (wanted) {
      log.info((failed ? "(hook failed) " : "") + trace.render().stripTrailing());
    }
  }

  private HookRun outcome(int exitCode, Optional<Throwable> error, DispatchTrace trace) {
    SortedMap<String, com.fasterxml.jackson.databind.JsonNode> flags = session == null
        ? new TreeMap<>() : session.state().flags().snapshot();
    return new HookRun(environment.hookName(), exitCode, error, trace, flags, committed);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = reactor.core.Exceptions.unwrap(e);
    if (t != e) {
      return t;
    }
    if (e.getClass().getName().equals("reactor.core.Exceptions$ReactiveException") && e.getCause() != null) {
      return e.getCause();
    }
    return e;
  }
}
