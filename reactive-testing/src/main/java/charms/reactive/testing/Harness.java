package charms.reactive.testing;

import charms.reactive.ReactiveCharm;
import charms.reactive.testing.internal.ConsistencyChecker;
import charms.reactive.testing.internal.HookEnvironmentBuilder;
import charms.reactive.testing.internal.HookExecutor;
import charms.reactive.testing.internal.InProcessExecutor;
import charms.reactive.testing.internal.ProcessExecutor;
import charms.reactive.testing.internal.ToolExecutables;
import charms.reactive.testing.internal.ToolServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a charm's hooks against an in-memory Juju model, Scenario style: a {@link JujuState} in,
 * one {@link HookEvent}, a {@link HookOutcome} (with the new state) out. Nothing carries over
 * between runs except what the returned state holds, so a test can never reach a state Juju
 * could not produce; every run is checked for consistency with the charm's files first.
 *
 * <pre>{@code
 * try (Harness harness = Harness.builder(Path.of("src/test/charms/demo")).charm(charm).build()) {
 *   JujuState state = harness.state().withLeader(true).withConfig("port", 8080);
 *   HookOutcome out = harness.run(HookEvent.configChanged(), state);
 *   assertTrue(out.flags().contains("demo.configured"));
 *   assertEquals(Set.of(Port.tcp(8080)), out.state().openedPorts());
 * }
 * }</pre>
 *
 * <p>The charm runs either in this JVM ({@link Builder#charm}) with the fake tools as its
 * {@code ToolRunner} service, or as a separate process ({@link Builder#process}) that reaches
 * the same fake tools through real executables on {@code PATH}. Either way the executables are
 * on the hook's {@code PATH}, so child processes of an in-process charm (bash handlers, say)
 * reach the same per-hook fake.
 *
 * <p>Not thread-safe: one hook at a time. {@link #close()} stops the tool server and deletes the
 * executables.
 */
public final class Harness implements AutoCloseable {
  private final CharmSpec charm;
  private final HookExecutor executor;
  private final Map<String, String> extraEnvironment;
  private final String basePath;
  private final ToolServer server;
  private final ToolExecutables executables;
  private final boolean checks;
  private final Map<String, ToolAnswer> answers;
  private final ReactiveCharm inProcessCharm;
  private final java.util.Set<String> everSet = new java.util.TreeSet<>();
  private int hooksRun;
  private int nextActionId = 1;
  private boolean closed;

  private Harness(Builder b, HookExecutor executor) {
    this.charm = CharmSpec.load(b.charmDir);
    this.executor = executor;
    this.extraEnvironment = Map.copyOf(b.environment);
    this.basePath = b.basePath;
    this.checks = b.consistencyChecks;
    this.answers = Map.copyOf(b.answers);
    this.inProcessCharm = b.reactiveCharm;
    this.executables = ToolExecutables.create();
    try {
      this.server = ToolServer.start();
    } catch (RuntimeException e) {
      executables.close();
      throw e;
    }
  }

  /** Starts a harness for the charm in {@code charmDir} (with {@code metadata.yaml}). */
  public static Builder builder(Path charmDir) {
    return new Builder(charmDir);
  }

  /** A harness running {@code charm} in this JVM. */
  public static Harness of(Path charmDir, ReactiveCharm charm) {
    return builder(charmDir).charm(charm).build();
  }

  public CharmSpec charm() {
    return charm;
  }

  /** A fresh unit {@code <charm name>/0} of the charm: not leader, nothing set. */
  public JujuState state() {
    return JujuState.forUnit(charm.name(), 0);
  }

  /** Where the tool executables are (first on every hook's {@code PATH}). */
  public Path toolsDirectory() {
    return executables.directory();
  }

  /**
   * Runs one hook.
   *
   * @throws InconsistentStateException before running, if the state or event cannot exist in
   *     Juju for this charm
   * @throws HarnessException if the hook cannot be run at all (a failing hook is an outcome)
   */
  public HookOutcome run(HookEvent event, JujuState state) {
    OpenHook hook = open(event, state);
    FakeHookTools tools = hook.tools();
    HookExecutor.Execution execution;
    try {
      execution = executor.execute(new HookExecutor.Request(charm, event, hook.environment(),
          state.unitState(), tools));
    } finally {
      hook.unregister();
    }
    boolean succeeded = execution.exitCode() == 0;
    JujuState after = tools.finish(succeeded).withUnitState(execution.unitState());
    hooksRun++;
    everSet.addAll(state.flags());
    everSet.addAll(after.flags());
    // a hook that failed before dispatch (its charm files, an onStart callback) has no trace
    if (execution.run() != null && execution.run().trace() != null) {
      everSet.addAll(execution.run().trace().initialFlags());
    }
    return new HookOutcome(event, after, execution.exitCode(),
        java.util.Optional.ofNullable(execution.run()), execution.stdout(), execution.stderr(),
        tools.calls(), tools.logs(), tools.unitStatusHistory(), tools.appStatusHistory(),
        tools.action(execution.exitCode()), hook.environment());
  }

  /**
   * Opens a hook for a process the test runs itself (see {@link OpenHook}): checks the state and
   * event as {@link #run} does, then registers the hook's fake tools (with this harness's
   * {@link Builder#answer scripted answers}) and returns the environment that reaches them.
   * Several may be open at once, as for concurrent hooks of one unit.
   *
   * @throws InconsistentStateException if the state or event cannot exist in Juju for this charm
   * @throws HarnessException if the harness is closed
   */
  public OpenHook open(HookEvent event, JujuState state) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(state, "state");
    if (closed) {
      throw new HarnessException("the harness is closed");
    }
    if (checks) {
      List<String> problems = ConsistencyChecker.check(charm, state, event);
      if (!problems.isEmpty()) {
        throw new InconsistentStateException(event.toString(), problems);
      }
    }
    FakeHookTools tools = FakeHookTools.open(charm, state, event);
    answers.forEach(tools::answer);
    String actionId = event.actionId() != null ? event.actionId()
        : event.isAction() ? String.valueOf(nextActionId++) : null;
    String contextId = server.register(state.unitName(), event.hookName(), tools);
    Map<String, String> env = new LinkedHashMap<>(HookEnvironmentBuilder.build(charm, state,
        event, contextId, server.address(), executables.directory(), basePath, actionId));
    env.putAll(extraEnvironment);
    return new OpenHook(event, env, tools, () -> server.unregister(contextId));
  }

  /** Runs an action with parameters (defaults from {@code actions.yaml} are added). */
  public HookOutcome runAction(String action, Map<String, ?> params, JujuState state) {
    return run(HookEvent.action(action, params), state);
  }

  /**
   * Runs hooks one after another, each on the state the previous one left; stops after the
   * first that fails, as a unit in error runs nothing more.
   */
  public SequenceOutcome runSequence(JujuState state, List<HookEvent> events) {
    List<HookOutcome> outcomes = new ArrayList<>();
    JujuState current = state;
    for (HookEvent event : events) {
      HookOutcome outcome = run(event, current);
      outcomes.add(outcome);
      if (!outcome.succeeded()) {
        break;
      }
      current = outcome.state();
    }
    return new SequenceOutcome(state, outcomes);
  }

  public SequenceOutcome runSequence(JujuState state, HookEvent... events) {
    return runSequence(state, Arrays.asList(events));
  }

  /**
   * The hooks a new unit runs, in Juju's order: {@code install}, {@code -relation-created} for each
   * peer relation in the state, {@code leader-elected} (leader) or
   * {@code leader-settings-changed}, {@code config-changed}, {@code start}.
   */
  public List<HookEvent> installEvents(JujuState state) {
    List<HookEvent> events = new ArrayList<>();
    events.add(HookEvent.install());
    for (RelationState r : state.relations()) {
      if (charm.isPeer(r.endpoint())) {
        events.add(HookEvent.relationCreated(r));
      }
    }
    events.add(state.leader() ? HookEvent.leaderElected() : HookEvent.leaderSettingsChanged());
    events.add(HookEvent.configChanged());
    events.add(HookEvent.start());
    return events;
  }

  /** Runs {@link #installEvents} as a sequence. */
  public SequenceOutcome runInstall(JujuState state) {
    return runSequence(state, installEvents(state));
  }

  /**
   * The flags the charm's handler conditions read that no hook run so far ever set (see
   * {@link NeverSetFlags}); always empty for a harness running hooks as separate processes, whose
   * handlers it cannot see. {@link #close()} prints it as a warning on standard error.
   */
  public NeverSetFlags neverSetFlags() {
    Map<String, List<String>> readBy = new java.util.TreeMap<>();
    if (inProcessCharm != null) {
      for (charms.reactive.Handler h : inProcessCharm.handlers()) {
        java.util.Set<String> read = new java.util.LinkedHashSet<>(h.watchedFlags());
        read.addAll(h.notUnless());
        for (String flag : read) {
          if (!everSet.contains(flag)) {
            readBy.computeIfAbsent(flag, f -> new ArrayList<>()).add(h.id());
          }
        }
      }
    }
    return new NeverSetFlags(readBy, hooksRun);
  }

  /** Stops the tool server and deletes the executables; warns about {@link #neverSetFlags()}. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    NeverSetFlags never = hooksRun == 0 ? null : neverSetFlags();
    if (never != null && !never.isEmpty()) {
      System.err.println(never.warning());
    }
    try {
      server.close();
    } finally {
      executables.close();
    }
  }

  /** Configures a harness. Not thread-safe. */
  public static final class Builder {
    private final Path charmDir;
    private ReactiveCharm reactiveCharm;
    private String mainClass;
    private String classpath;
    private PackedEntry packedEntry;
    private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xshare:auto"));
    private Duration timeout = Duration.ofSeconds(120);
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String basePath = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    private boolean consistencyChecks = true;
    private final Map<String, ToolAnswer> answers = new LinkedHashMap<>();

    private Builder(Path charmDir) {
      this.charmDir = Objects.requireNonNull(charmDir, "charmDir");
    }

    /** Runs hooks in this JVM through {@code charm.execute(env, overrides)}. */
    public Builder charm(ReactiveCharm charm) {
      this.reactiveCharm = Objects.requireNonNull(charm, "charm");
      return this;
    }

    /** Runs each hook as {@code java -cp <this JVM's class path> <mainClass>}. */
    public Builder process(Class<?> mainClassToRun) {
      return process(mainClassToRun.getName(), System.getProperty("java.class.path"));
    }

    /** Runs each hook as {@code java -cp <classpath> <mainClass>}. */
    public Builder process(String mainClassName, String classPath) {
      this.mainClass = Objects.requireNonNull(mainClassName, "mainClass");
      this.classpath = Objects.requireNonNull(classPath, "classpath");
      return this;
    }

    /**
     * Runs the packed charm in the harness's charm directory (an unpacked {@code .charm}, such
     * as {@code target/charm} of the {@code charm:pack} goal) as Juju runs it: each hook is the
     * process {@code entry} names, in the charm directory, with the hook's environment and the
     * executable fake hook tools first on {@code PATH}. The charm finds its own Java
     * ({@code JAVA_HOME} or {@code java} on {@code PATH}; add {@code environment("JAVA_HOME", …)}
     * to choose one).
     */
    public Builder packed(PackedEntry entry) {
      this.packedEntry = Objects.requireNonNull(entry, "entry");
      return this;
    }

    /** Replaces the options of a hook's JVM (default: fast start-up options). */
    public Builder jvmOptions(String... options) {
      jvmOptions.clear();
      jvmOptions.addAll(List.of(options));
      return this;
    }

    /** How long a hook process may run before it is killed (default 120 s). */
    public Builder timeout(Duration limit) {
      this.timeout = Objects.requireNonNull(limit, "timeout");
      return this;
    }

    /** Adds a variable to every hook's environment (after Juju's, so it can override them). */
    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /** The {@code PATH} after the tools directory (default: this JVM's {@code PATH}). */
    public Builder basePath(String path) {
      this.basePath = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Turns the consistency checks off (for testing a charm's reaction to the impossible). */
    public Builder consistencyChecks(boolean enabled) {
      this.consistencyChecks = enabled;
      return this;
    }

    /**
     * Scripts {@code tool}'s answers in every hook this harness runs, in-process and through the
     * executables alike (see {@link FakeHookTools#answer}); a {@link ToolAnswer} that keeps
     * state (such as {@link ToolAnswer#once}) keeps it across hooks.
     */
    public Builder answer(String tool, ToolAnswer answer) {
      answers.put(Objects.requireNonNull(tool, "tool"), Objects.requireNonNull(answer, "answer"));
      return this;
    }

    /**
     * Builds the harness, reading the charm directory and starting the tool server.
     *
     * @throws HarnessException if the charm files are missing or malformed, or neither (or both)
     *     of {@link #charm} and {@link #process} was given
     */
    public Harness build() {
      int ways = (reactiveCharm != null ? 1 : 0) + (mainClass != null ? 1 : 0)
          + (packedEntry != null ? 1 : 0);
      if (ways != 1) {
        throw new HarnessException("give the harness exactly one of charm(ReactiveCharm) "
            + "(in-process), process(mainClass) (separate JVM per hook) or packed(entry) (a packed "
            + "charm's own entry point)");
      }
      HookExecutor executor = reactiveCharm != null ? new InProcessExecutor(reactiveCharm)
          : mainClass != null ? new ProcessExecutor(mainClass, classpath, jvmOptions, timeout)
          : packedEntry.executor(charmDir, timeout);
      return new Harness(this, executor);
    }
  }
}
