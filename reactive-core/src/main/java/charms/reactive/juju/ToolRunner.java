package charms.reactive.juju;

import java.util.List;

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
}
