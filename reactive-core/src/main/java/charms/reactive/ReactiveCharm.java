package charms.reactive;

import charms.reactive.internal.dispatch.HookRunner;
import charms.reactive.spi.CharmExtension;
import charms.reactive.spi.HandlerMethodReader;
import charms.reactive.spi.HandlerProvider;
import charms.reactive.spi.HookOverrides;
import charms.reactive.spi.ParameterResolver;
import charms.reactive.spi.StateSource;
import charms.reactive.state.FileStateStore;
import charms.reactive.state.StateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A reactive charm: its handlers, triggers, lifecycle callbacks and state sources. A hook's
 * {@code main} builds one and calls {@link #run()}:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   System.exit(ReactiveCharm.builder().handlers(new MyCharm()).build().run());
 * }
 * }</pre>
 *
 * <p>Each {@link #run()} is one hook: load the unit state, run the start callbacks and sources,
 * dispatch the handlers until nothing more matches, run the exit callbacks, commit. It blocks the
 * calling thread until the hook is over. Immutable and reusable: the test harness runs many hooks
 * through one instance.
 */
public final class ReactiveCharm {
  /** The environment variable that overrides where the unit state file lives. */
  public static final String STATE_FILE_VARIABLE = "CHARMS_REACTIVE_STATE_FILE";

  private final HookRunner.CharmDefinition definition;
  private final List<Handler> staticHandlers;

  private ReactiveCharm(HookRunner.CharmDefinition definition, List<Handler> staticHandlers) {
    this.definition = definition;
    this.staticHandlers = staticHandlers;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the hook named by this process's environment; returns the exit code (0 or 1). An
   * environment that names no hook is reported on standard error, with exit code 1.
   */
  public int run() {
    HookEnvironment environment;
    try {
      environment = HookEnvironment.fromSystem();
    } catch (ReactiveException e) {
      System.err.println("Hook error: " + e.getMessage());
      return 1;
    }
    return run(environment);
  }

  /** Runs one hook in the given environment; returns the exit code (0 or 1). */
  public int run(HookEnvironment environment) {
    return execute(environment).exitCode();
  }

  /**
   * Runs one hook and returns everything about its outcome. A failing hook is reported, not
   * thrown: it is logged with its stack trace, commits nothing and has exit code 1.
   */
  public HookRun execute(HookEnvironment environment) {
    return execute(environment, HookOverrides.none());
  }

  /**
   * Runs one hook with some parts replaced for this hook only (the test harness gives its own
   * state store and hook-tool runner this way).
   */
  public HookRun execute(HookEnvironment environment, HookOverrides overrides) {
    return HookRunner.execute(definition, environment, overrides);
  }

  /**
   * The hook as a stream of {@link StateSnapshot}s, one per pass of its dispatch: each
   * subscription runs one hook (load, start, dispatch, exit callbacks, commit) on the subscribing
   * thread, emitting each pass's snapshot as the pass ends; the stream completes once the hook
   * committed, or signals the error that failed it (nothing committed), after the snapshot of the
   * pass in which a handler failed. Subscribing returns when the hook is over; a subscriber that
   * requests fewer snapshots gets the rest buffered, and cancelling ends the hook without a
   * commit. The failure is logged as by {@link #execute}. For tests:
   *
   * <pre>{@code
   * StepVerifier.create(charm.hook(env))
   *     .assertNext(s -> assertEquals(Phase.HOOKS, s.phase()))
   *     .assertNext(s -> assertEquals(List.of("install"), s.queued()))
   *     .assertNext(StateSnapshot::quiescent)
   *     .verifyComplete();
   * }</pre>
   */
  public reactor.core.publisher.Flux<StateSnapshot> hook(HookEnvironment environment) {
    return hook(environment, HookOverrides.none());
  }

  /** {@link #hook(HookEnvironment)} with some parts replaced for this hook only. */
  public reactor.core.publisher.Flux<StateSnapshot> hook(HookEnvironment environment,
      HookOverrides overrides) {
    return HookRunner.hook(definition, environment, overrides);
  }

  /**
   * The handlers known when the charm was built, in registration order (those of
   * {@link HandlerProvider}s are only known once a hook starts).
   */
  public List<Handler> handlers() {
    return staticHandlers;
  }

  /** The default state store: {@code $CHARMS_REACTIVE_STATE_FILE}, else the charm dir's file. */
  public static StateStore defaultStateStore(HookEnvironment environment) {
    Path file = environment.get(STATE_FILE_VARIABLE).filter(v -> !v.isEmpty()).map(Path::of)
        .orElseGet(() -> environment.charmDir().resolve(".unit-state.json"));
    return new FileStateStore(file);
  }

  /** Collects a charm's parts; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private final List<Object> parts = new ArrayList<>();
    private final List<Trigger> triggers = new ArrayList<>();
    private final List<LifecycleCallback> startCallbacks = new ArrayList<>();
    private final List<LifecycleCallback> exitCallbacks = new ArrayList<>();
    private final List<LifecycleCallback> afterSources = new ArrayList<>();
    private final List<StateSource> sources = new ArrayList<>();
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private final Map<Class<?>, Function<HookServices, ?>> hookServices = new LinkedHashMap<>();
    private final List<ParameterResolver> resolvers = new ArrayList<>();
    private final Map<String, InputReader> inputReaders = new LinkedHashMap<>();
    private DispatchSettings settings = DispatchSettings.defaults();
    private Function<HookServices, StateStore> stores = s -> defaultStateStore(s.environment());
    private Function<HookServices, HookLog> logs = services -> HookLog.stderr();

    private Builder() {
    }

    /**
     * Registers the annotated handler methods of each object (or the static ones of a
     * {@code Class}), in the order given; within a class, in source order.
     */
    public Builder handlers(Object... charmObjects) {
      for (Object o : charmObjects) {
        parts.add(Objects.requireNonNull(o, "charm object"));
      }
      return this;
    }

    /** Registers handlers that are made when each hook starts, in this registration position. */
    public Builder handlers(HandlerProvider provider) {
      parts.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /** Registers functional handlers, after those registered before. */
    public Builder handler(Handler... handlers) {
      for (Handler h : handlers) {
        parts.add(Objects.requireNonNull(h, "handler"));
      }
      return this;
    }

    public Builder trigger(Trigger trigger) {
      triggers.add(Objects.requireNonNull(trigger, "trigger"));
      return this;
    }

    /** Runs at the start of every non-restricted hook, before the sources, in registration order. */
    public Builder onStart(LifecycleCallback callback) {
      startCallbacks.add(Objects.requireNonNull(callback, "callback"));
      return this;
    }

    /** Runs at the end of every successful non-restricted hook, in reverse registration order. */
    public Builder onExit(LifecycleCallback callback) {
      exitCallbacks.add(Objects.requireNonNull(callback, "callback"));
      return this;
    }

    /**
     * Runs at the start of every non-restricted hook once every source's facts are applied,
     * before the dispatch, in registration order: for flag logic that must see the sources'
     * flags (an endpoint's own flag management), which a source, free of side effects, cannot do.
     */
    public Builder afterSources(LifecycleCallback callback) {
      afterSources.add(Objects.requireNonNull(callback, "callback"));
      return this;
    }

    public Builder source(StateSource source) {
      sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /** Makes {@code service} available to handlers by type (injection) and through the context. */
    public <T> Builder service(Class<T> type, T service) {
      services.put(type, type.cast(Objects.requireNonNull(service, "service")));
      return this;
    }

    /**
     * Registers a factory that makes a service once per hook, on first use (a hook-tool client
     * with its per-hook cache, for example). Handlers get it injected by type like any service.
     */
    public <T> Builder hookService(Class<T> type, Function<HookServices, ? extends T> factory) {
      hookServices.put(type, Objects.requireNonNull(factory, "factory"));
      return this;
    }

    public Builder parameterResolver(ParameterResolver resolver) {
      resolvers.add(Objects.requireNonNull(resolver, "resolver"));
      return this;
    }

    /**
     * Registers the reader of one kind of stable-handler input ({@code config}, {@code file},
     * ...): the part before the first colon of a spec such as {@code config:port}.
     *
     * @throws IllegalArgumentException if the kind is empty or holds a colon
     */
    public Builder inputReader(String kind, InputReader reader) {
      if (kind == null || kind.isEmpty() || kind.indexOf(':') >= 0) {
        throw new IllegalArgumentException("an input kind must be non-empty and free of ':', was '"
            + kind + "'");
      }
      inputReaders.put(kind, Objects.requireNonNull(reader, "reader"));
      return this;
    }

    public Builder settings(DispatchSettings dispatchSettings) {
      this.settings = Objects.requireNonNull(dispatchSettings, "settings");
      return this;
    }

    /**
     * Where the unit state lives, chosen once per hook; by default
     * {@link ReactiveCharm#defaultStateStore}.
     */
    public Builder stateStore(Function<HookServices, StateStore> storeFactory) {
      this.stores = Objects.requireNonNull(storeFactory, "storeFactory");
      return this;
    }

    /** Where logs go, made once per hook; by default standard error. */
    public Builder log(Function<HookServices, HookLog> logFactory) {
      this.logs = Objects.requireNonNull(logFactory, "logFactory");
      return this;
    }

    /** Applies a module's contributions (sources, callbacks, resolvers, handlers). */
    public Builder use(CharmExtension extension) {
      extension.register(this);
      return this;
    }

    /**
     * Builds the charm.
     *
     * @throws HandlerDefinitionException if two handlers share an id, a handler can never run, or
     *     a handler parameter cannot be supplied
     * @throws InvalidFlagException if a trigger names an invalid flag
     */
    public ReactiveCharm build() {
      Set<Class<?>> serviceTypes = new HashSet<>(services.keySet());
      serviceTypes.addAll(hookServices.keySet());
      serviceTypes.add(HandlerMethodReader.class);
      HandlerMethodReader reader = new HandlerMethodReader(resolvers, serviceTypes::contains);
      Map<Class<?>, Object> charmServices = new LinkedHashMap<>(services);
      charmServices.put(HandlerMethodReader.class, reader);
      charmServices.put(charms.reactive.internal.stable.InputReaders.class,
          new charms.reactive.internal.stable.InputReaders(inputReaders));
      Map<Class<?>, Function<HookServices, ?>> perHook = new LinkedHashMap<>(hookServices);
      perHook.putIfAbsent(HookFacts.class, s -> new HookFacts());
      List<Handler> handlers = new ArrayList<>();
      List<HandlerProvider> providers = new ArrayList<>();
      List<Handler> block = new ArrayList<>();
      for (Object part : parts) {
        if (part instanceof HandlerProvider provider) {
          if (!block.isEmpty()) {
            providers.add(new HookRunner.FixedHandlers(block));
            block.clear();
          }
          providers.add(provider);
          continue;
        }
        int before = handlers.size();
        if (part instanceof Handler h) {
          handlers.add(h);
        } else {
          handlers.addAll(reader.handlers(part));
        }
        block.addAll(handlers.subList(before, handlers.size()));
      }
      if (!block.isEmpty()) {
        providers.add(new HookRunner.FixedHandlers(block));
      }
      Set<String> ids = new HashSet<>();
      for (Handler h : handlers) {
        if (!ids.add(h.id())) {
          throw new HandlerDefinitionException("two handlers have the id " + h.id()
              + "; give one an explicit id");
        }
      }
      for (Trigger t : triggers) {
        charms.reactive.internal.FlagNames.requireValid(t.flag());
        t.setFlags().forEach(charms.reactive.internal.FlagNames::requireValid);
        t.clearFlags().forEach(charms.reactive.internal.FlagNames::requireValid);
      }
      // A misspelt @hook pattern fails every hook at its start, before anything else runs.
      List<LifecycleCallback> starts = new ArrayList<>();
      charms.reactive.internal.conditions.HookPatternCheck.of(handlers).ifPresent(starts::add);
      starts.addAll(startCallbacks);
      return new ReactiveCharm(new HookRunner.CharmDefinition(List.copyOf(providers),
          List.copyOf(triggers), List.copyOf(starts), List.copyOf(exitCallbacks),
          List.copyOf(sources), List.copyOf(afterSources), Map.copyOf(charmServices),
          Map.copyOf(perHook), settings, stores,
          logs), List.copyOf(handlers));
    }
  }
}
