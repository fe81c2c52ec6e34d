package charms.reactive.internal.dispatch;

import charms.reactive.CharmMetadata;
import charms.reactive.DispatchSettings;
import charms.reactive.DispatchTrace;
import charms.reactive.FlagFact;
import charms.reactive.Flags;
import charms.reactive.Handler;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.HandlerProvider;
import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.HookOverrides;
import charms.reactive.HookRun;
import charms.reactive.HookServices;
import charms.reactive.LifecycleCallback;
import charms.reactive.StateSource;
import charms.reactive.Trigger;
import charms.reactive.internal.UnitState;
import charms.reactive.state.StateStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One hook, start to commit, as one Reactor pipeline on the calling thread:
 * <ol>
 *   <li>open the state store (taking its lock) and load the committed state into a transaction;
 *   <li>start: the start callbacks in registration order, then the state sources' flag facts,
 *       giving the snapshot the dispatch starts from (skipped in restricted mode);
 *   <li>dispatch (see {@link Dispatcher});
 *   <li>exit: the exit callbacks in reverse registration order (skipped in restricted mode);
 *   <li>commit the transaction, if it changed anything; then release the lock.
 * </ol>
 * Any error in any step skips the rest: nothing is committed and the hook exits with 1.
 */
public final class HookRunner {

  /** What a charm is made of, shared by every hook it runs. */
  public record CharmDefinition(List<HandlerProvider> handlers, List<Trigger> triggers,
      List<LifecycleCallback> startCallbacks, List<LifecycleCallback> exitCallbacks,
      List<StateSource> sources, Map<Class<?>, Object> services,
      Map<Class<?>, Function<HookServices, ?>> hookServices, DispatchSettings settings,
      Function<HookServices, StateStore> stores, Function<HookServices, HookLog> logs) {
  }

  private final CharmDefinition charm;
  private final HookEnvironment environment;
  private final HookOverrides overrides;
  private final ServiceRegistry services;
  private final HookLog log;
  private final boolean restricted;
  private final HookThread thread = new HookThread();
  private HookSession session;
  private Dispatcher dispatcher;
  private boolean committed;

  public HookRunner(CharmDefinition charm, HookEnvironment environment, HookOverrides overrides) {
    this.charm = charm;
    this.environment = environment;
    this.overrides = overrides;
    this.services = new ServiceRegistry(environment, overrides.services(), charm.services(),
        charm.hookServices());
    this.log = charm.logs().apply(services);
    this.restricted = environment.isRestricted();
  }

  /** Runs the hook and reports its outcome; never throws for a hook failure. */
  public HookRun run() {
    try {
      DispatchTrace trace = runPinned(pipeline());
      printTrace(trace, false);
      return outcome(0, Optional.empty(), trace);
    } catch (RuntimeException | Error e) {
      Throwable error = unwrap(e);
      log.error("Hook error:", error);
      DispatchTrace partial = dispatcher == null ? null : dispatcher.trace();
      printTrace(partial, true);
      return outcome(1, Optional.of(error), partial);
    } finally {
      log.flush();
    }
  }

  /**
   * Runs {@code pipeline} on the calling thread (see {@link HookThread}) and returns its value, or
   * throws its error.
   */
  private DispatchTrace runPinned(Mono<DispatchTrace> pipeline) {
    java.util.concurrent.atomic.AtomicReference<DispatchTrace> value =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicReference<reactor.core.Disposable> subscription =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      thread.drain(() -> subscription.set(pipeline.subscribe(value::set, e -> {
        failure.set(e);
        done.set(true);
        thread.wakeUp();
      }, () -> {
        done.set(true);
        thread.wakeUp();
      })), done::get);
    } catch (RuntimeException e) {
      if (subscription.get() != null) {
        subscription.get().dispose();
      }
      throw e;
    }
    if (failure.get() != null) {
      Throwable e = failure.get();
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error err) {
        throw err;
      }
      throw reactor.core.Exceptions.propagate(e);
    }
    return value.get();
  }

  private Mono<DispatchTrace> pipeline() {
    return Mono.using(() -> overrides.stateStore() != null ? overrides.stateStore()
            : charm.stores().apply(services),
        store -> Mono.fromCallable(store::load)
            .map(this::openSession)
            .flatMap(s -> start(s)
                .then(dispatcher.dispatch(restricted))
                .flatMap(trace -> exit(s).then(commit(store, s)).thenReturn(trace))),
        StateStore::close);
  }

  private HookSession openSession(charms.reactive.state.StateDocument committedState) {
    log.info("Reactive main running for hook " + environment.hookName());
    if (restricted) {
      log.info("Restricted mode.");
    }
    UnitState state = new UnitState(committedState, charm.triggers());
    session = new HookSession(state, environment, log, services, this::readMetadata,
        charm.exitCallbacks());
    dispatcher = new Dispatcher(handlersFor(session), charm.settings(), session, thread);
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
