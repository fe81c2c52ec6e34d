package charms.reactive.testing;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One hook whose process the test starts and ends itself, opened with {@link Harness#open}: the
 * hook's fake tools are reachable through the executables by any process given
 * {@link #environment()}, until {@link #finish} or {@link #close}. For what {@link Harness#run}
 * cannot do: a process killed in the middle of its hook, several hooks of one unit at once, a
 * hand-written hook script.
 *
 * <pre>{@code
 * try (OpenHook hook = harness.open(HookEvent.updateStatus(), state)) {
 *   Process p = new ProcessBuilder("java", "-cp", cp, "com.example.Main")
 *       .directory(charmDir.toFile()).start();   // with hook.environment() as its environment
 *   p.destroyForcibly();                         // killed mid-hook
 *   HookOutcome out = hook.finish(p.waitFor());  // Juju's commit rules for that exit code
 * }
 * }</pre>
 *
 * <p>The process keeps the framework's unit state itself (its state file, in the charm directory
 * unless {@code CHARMS_REACTIVE_STATE_FILE} says otherwise), so the outcome's unit state is the
 * input's. Not thread-safe; the tools it serves are.
 */
public final class OpenHook implements AutoCloseable {
  private final HookEvent event;
  private final Map<String, String> environment;
  private final FakeHookTools tools;
  private final Runnable unregister;
  private HookOutcome outcome;
  private boolean unregistered;

  OpenHook(HookEvent event, Map<String, String> environment, FakeHookTools tools,
      Runnable unregister) {
    this.event = event;
    this.environment = Map.copyOf(environment);
    this.tools = tools;
    this.unregister = unregister;
  }

  public HookEvent event() {
    return event;
  }

  /**
   * The hook's environment as Juju sets it, with the executables first on {@code PATH} and the
   * context id that reaches this hook's tools (plus the harness's extra variables).
   */
  public Map<String, String> environment() {
    return environment;
  }

  /** The hook's fake tools: to script answers ({@link FakeHookTools#answer}) or read calls. */
  public FakeHookTools tools() {
    return tools;
  }

  /**
   * Ends the hook: its tools stop answering, and the model changes by Juju's commit rules for a
   * process that exited with {@code exitCode}. Calling it again returns the same outcome.
   */
  public synchronized HookOutcome finish(int exitCode) {
    if (outcome == null) {
      unregister();
      JujuState after = tools.finish(exitCode == 0);
      outcome = new HookOutcome(event, after, exitCode, Optional.empty(), "", "", tools.calls(),
          tools.logs(), tools.unitStatusHistory(), tools.appStatusHistory(),
          tools.action(exitCode), environment);
    }
    return outcome;
  }

  /** Stops serving the hook's tools (the harness's own runs finish the hook themselves). */
  synchronized void unregister() {
    if (!unregistered) {
      unregistered = true;
      unregister.run();
    }
  }

  /** The outcome, if {@link #finish} was called. */
  public synchronized Optional<HookOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** Ends a hook not {@link #finish finished} yet as a failed one (exit code 1). */
  @Override
  public void close() {
    finish(1);
  }

  @Override
  public String toString() {
    return "OpenHook[" + Objects.toString(event) + "]";
  }
}
