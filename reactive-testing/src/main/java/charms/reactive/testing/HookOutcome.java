package charms.reactive.testing;

import charms.reactive.HookRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Everything one hook produced: the model afterwards, how the charm exited, and the side-effect
 * streams that are not part of the model (tool calls, log lines, status history). Immutable.
 *
 * <p>{@link #state()} follows Juju's commit rules: relation data, ports, charm state and the
 * framework's unit state changed only if the hook succeeded; status, workload version, leader
 * settings (and action results) changed either way.
 *
 * @param event the event that ran
 * @param state the model after the hook
 * @param exitCode the hook's exit code
 * @param run the framework's report of an in-process hook (dispatch trace, handlers run, error);
 *     empty for a hook run as a separate process
 * @param stdout the standard output of a hook run as a process; empty in-process
 * @param stderr the standard error of a hook run as a process; empty in-process
 * @param toolCalls every hook-tool call, in order
 * @param logs every {@code juju-log} line, in order
 * @param unitStatusHistory every unit status set in this hook, in order
 * @param appStatusHistory every application status set in this hook, in order
 * @param action the action's outcome, for an action
 * @param environment the environment the hook ran with
 */
public record HookOutcome(HookEvent event, JujuState state, int exitCode, Optional<HookRun> run,
    String stdout, String stderr, List<HookToolCall> toolCalls, List<LogLine> logs,
    List<Status> unitStatusHistory, List<Status> appStatusHistory, Optional<ActionOutcome> action,
    Map<String, String> environment) {

  public HookOutcome {
    toolCalls = List.copyOf(toolCalls);
    logs = List.copyOf(logs);
    unitStatusHistory = List.copyOf(unitStatusHistory);
    appStatusHistory = List.copyOf(appStatusHistory);
    environment = Map.copyOf(environment);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** The flags persisted after the hook. */
  public SortedSet<String> flags() {
    return state.flags();
  }

  /** The handlers the framework ran, in order (in-process hooks only; empty otherwise). */
  public List<String> handlersRun() {
    return run.map(HookRun::handlersRun).orElse(List.of());
  }

  /** The calls of one tool, in order. */
  public List<HookToolCall> calls(String tool) {
    return toolCalls.stream().filter(c -> c.tool().equals(tool)).toList();
  }

  /** The logged messages (without levels), in order. */
  public List<String> logMessages() {
    return logs.stream().map(LogLine::message).toList();
  }

  /** The action's outcome. @throws IllegalStateException if the event was not an action */
  public ActionOutcome requireAction() {
    return action.orElseThrow(() -> new IllegalStateException(event + " is not an action"));
  }

  /** The error that failed an in-process hook, if any. */
  public Optional<Throwable> error() {
    return run.flatMap(HookRun::error);
  }

  @Override
  public String toString() {
    return "HookOutcome[" + event.hookName() + " exit " + exitCode + ", " + toolCalls.size()
        + " tool calls, flags " + state.flags() + "]";
  }
}
