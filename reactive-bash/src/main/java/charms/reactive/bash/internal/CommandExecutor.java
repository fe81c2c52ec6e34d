package charms.reactive.bash.internal;

import java.util.List;

/** Executes one {@code charms.reactive} command line (the arguments after the program name). */
@FunctionalInterface
public interface CommandExecutor {

  CommandResult execute(List<String> args);

  /**
   * Executes a command line sent with the caller's environment ({@code render_template} renders
   * with it, as the original did); other commands ignore it.
   */
  default CommandResult execute(List<String> args, java.util.Map<String, String> callerEnvironment) {
    return execute(args);
  }
}
