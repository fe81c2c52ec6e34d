package charms.reactive.testing;

import charms.reactive.juju.ToolResult;
import charms.reactive.juju.ToolRunner;
import charms.reactive.testing.internal.NeedsStdin;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.ToolRegistry;
import charms.reactive.testing.internal.UnitContext;
import charms.reactive.testing.internal.tools.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Juju's hook tools faked for one hook, over a {@link JujuState}: a {@link ToolRunner} that
 * answers every call as the real tool would (argument syntax, output formats, error texts and
 * exit codes, permissions, read consistency) and records it. The harness makes one per hook and
 * gives it to the charm; it is public so a hook-tool client can be tested against it directly:
 *
 * <pre>{@code
 * FakeHookTools tools = FakeHookTools.open(charm, state, HookEvent.install());
 * ToolResult r = tools.run("config-get", List.of("--format=json"), null);
 * JujuState after = tools.finish(true);
 * }</pre>
 *
 * <p>Thread-safe: calls are serialised, as Juju's jujuc server runs one command at a time per
 * hook context, so tools called from child processes (through the executables) and in-process
 * interleave safely. Calling a Juju tool the fake does not implement (secrets, storage...)
 * throws {@link HarnessException} unless an {@link #answer} scripts it, as does calling anything
 * after {@link #finish}.
 */
public final class FakeHookTools implements ToolRunner {
  private final UnitContext context;
  private final Path workingDir;
  private final List<HookToolCall> calls = new ArrayList<>();
  private final Map<String, ToolAnswer> answers = new HashMap<>();
  /** A call the model answered by asking for stdin: its re-run is not asked of the script. */
  private List<String> stdinRetry;
  private boolean finished;

  private FakeHookTools(UnitContext context, Path workingDir) {
    this.context = context;
    this.workingDir = workingDir;
  }

  /**
   * The tools of one hook running {@code event} on {@code state}. The state is not checked here;
   * the harness checks it before running a hook.
   */
  public static FakeHookTools open(CharmSpec charm, JujuState state, HookEvent event) {
    return new FakeHookTools(new UnitContext(charm, state, event), charm.directory());
  }

  /**
   * Scripts the answers of {@code tool} from now on (replacing an earlier script for it): each
   * call asks {@code answer} first and gets the fake's own answer only if it returns null. A
   * scripted call is recorded with the answer it got and no standard input. Any tool name may be
   * scripted, including one the fake does not implement.
   *
   * @return this, for chaining
   */
  public synchronized FakeHookTools answer(String tool, ToolAnswer answer) {
    answers.put(Objects.requireNonNull(tool, "tool"), Objects.requireNonNull(answer, "answer"));
    return this;
  }

  /** Runs a tool with the charm directory as working directory; null stdin reads as empty. */
  @Override
  public ToolResult run(String tool, List<String> args, byte[] stdin) {
    return run(tool, args, () -> stdin, workingDir);
  }

  /**
   * Runs a tool for a caller in {@code callerDir} (where relative {@code --file}/{@code -o}
   * paths resolve). {@code stdin} is asked for only if the tool reads standard input.
   *
   * @throws HarnessException for a tool the fake does not know or implement, or after the hook
   */
  public synchronized ToolResult run(String tool, List<String> args, Supplier<byte[]> stdin,
      Path callerDir) {
    if (finished) {
      throw new HarnessException("hook tool " + tool + " called after the hook ended");
    }
    List<String> call = new ArrayList<>(args);
    call.add(0, tool);
    boolean retry = call.equals(stdinRetry);
    stdinRetry = null;
    ToolAnswer scripted = retry ? null : answers.get(tool);
    ToolResult answered = scripted == null ? null : scripted.answer(List.copyOf(args));
    if (answered != null) {
      calls.add(new HookToolCall(tool, args, null, answered.exitCode(), answered.stdout(),
          answered.stderr()));
      return answered;
    }
    Tool implementation = ToolRegistry.tool(tool).orElseThrow(() -> new HarnessException(
        ToolRegistry.NOT_IMPLEMENTED.contains(tool) ? ToolRegistry.notImplementedMessage(tool)
            : "no hook tool named " + tool));
    ToolIo io = new ToolIo(callerDir, stdin::get);
    // A NeedsStdin from the executables' first attempt propagates unrecorded; it is re-run.
    int code;
    try {
      code = implementation.execute(context, List.copyOf(args), io);
    } catch (NeedsStdin again) {
      stdinRetry = call;
      throw again;
    }
    calls.add(new HookToolCall(tool, args, io.stdinText(), code, io.stdout(), io.stderr()));
    return new ToolResult(code, io.stdout(), io.stderr());
  }

  /** Every call so far, in order. */
  public synchronized List<HookToolCall> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<LogLine> logs() {
    return context.logs();
  }

  public synchronized List<Status> unitStatusHistory() {
    return context.unitStatusHistory();
  }

  public synchronized List<Status> appStatusHistory() {
    return context.appStatusHistory();
  }

  /** The action's outcome for a hook that exited with {@code exitCode}; empty for a hook. */
  public synchronized Optional<ActionOutcome> action(int exitCode) {
    return context.isAction() ? Optional.of(context.actionOutcome(exitCode)) : Optional.empty();
  }

  /**
   * Ends the hook and returns the model after it, by Juju's commit rules: status, leader
   * settings and workload version always; relation data, ports and charm state only if
   * {@code succeeded}. The framework's unit state is left as it was.
   */
  public synchronized JujuState finish(boolean succeeded) {
    finished = true;
    return context.finish(succeeded);
  }
}
