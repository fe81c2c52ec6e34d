package charms.reactive.fs;

import java.util.List;

/**
 * What a command returned.
 *
 * @param command the command as run (program and arguments)
 * @param exitCode its exit code
 * @param stdout its standard output, decoded as UTF-8
 * @param stderr its standard error, decoded as UTF-8
 */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {

  public ProcessResult {
    command = List.copyOf(command);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /**
   * This result, or {@link CommandFailedException} if the exit code is not 0.
   *
   * @throws CommandFailedException naming the command, exit code and standard error
   */
  public ProcessResult orThrow() {
    if (exitCode != 0) {
      throw new CommandFailedException(command, exitCode, stderr);
    }
    return this;
  }
}
