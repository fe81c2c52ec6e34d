package charms.reactive.juju;

import charms.reactive.internal.juju.ProcessToolRunner;
import java.util.List;
import java.util.Map;

/**
 * Runs one hook tool. The real runner starts the tool as a process (argument array, never a
 * shell); the test harness answers from its in-memory Juju model with the same semantics.
 *
 * <p>Contract: returns whatever the tool returned, including a non-zero exit code; throws only if
 * the tool could not be run at all (not found, not executable), with an exception naming it.
 */
@FunctionalInterface
public interface ToolRunner {

  /**
   * @param tool the tool's name, such as {@code relation-get}
   * @param args the arguments, each passed as one argument
   * @param stdin bytes for the tool's standard input, or null to give it none
   */
  ToolResult run(String tool, List<String> args, byte[] stdin);

  /**
   * The runner Juju's hook tools need: each call starts the tool as a process found on the
   * {@code PATH} of {@code environment}, with an argument array (never a shell) and that
   * environment. {@link HookTools#forHook} uses it when no runner is registered with the charm.
   *
   * @param environment the hook's environment variables, copied
   */
  static ToolRunner processes(Map<String, String> environment) {
    return new ProcessToolRunner(environment);
  }
}
