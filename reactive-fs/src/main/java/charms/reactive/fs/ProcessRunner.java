package charms.reactive.fs;

import charms.reactive.fs.internal.SystemProcessRunner;
import charms.reactive.fs.testing.RecordingProcessRunner;
import java.util.List;

/**
 * Runs a command given as an argument array (program first), never through a shell, waits for it
 * and returns what it returned. The real one is {@link #system()}; tests use
 * {@link charms.reactive.fs.testing.RecordingProcessRunner} to see what would run without
 * running it.
 *
 * <p>Contract: {@link #run} returns whatever the command returned, including a non-zero exit
 * code; it throws {@link CommandFailedException} (exit code {@link CommandFailedException#NOT_STARTED})
 * only if the command could not be started. {@link #check} also throws for a non-zero exit code.
 */
@FunctionalInterface
public interface ProcessRunner {

  ProcessResult run(List<String> command);

  /**
   * Runs the command and insists on exit code 0.
   *
   * @throws CommandFailedException naming the command, exit code and standard error
   */
  default ProcessResult check(List<String> command) {
    return run(command).orThrow();
  }

  /** Runs real processes. */
  static ProcessRunner system() {
    return new SystemProcessRunner();
  }
}
