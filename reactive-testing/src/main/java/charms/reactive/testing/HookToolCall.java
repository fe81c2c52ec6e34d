package charms.reactive.testing;

import java.util.List;
import java.util.Objects;

/**
 * One hook-tool call the charm made, with what the fake answered. Calls made in-process and
 * calls made by child processes through the executables are recorded alike, in order.
 *
 * @param tool the tool's name, such as {@code relation-get}
 * @param args the arguments as passed
 * @param stdin what the tool read from standard input, or null if it read nothing
 * @param exitCode the exit code
 * @param stdout the standard output
 * @param stderr the standard error
 */
public record HookToolCall(String tool, List<String> args, String stdin, int exitCode,
    String stdout, String stderr) {

  public HookToolCall {
    Objects.requireNonNull(tool, "tool");
    args = List.copyOf(args);
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** {@code tool arg1 arg2}, for messages and assertions. */
  public String commandLine() {
    return args.isEmpty() ? tool : tool + " " + String.join(" ", args);
  }

  @Override
  public String toString() {
    return commandLine() + " -> " + exitCode;
  }
}
