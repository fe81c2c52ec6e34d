package charms.reactive.fs;

import charms.reactive.ReactiveException;
import charms.reactive.fs.internal.Commands;
import java.util.List;

/**
 * A command that exited with a non-zero code, or could not be started at all (exit code
 * {@value #NOT_STARTED}). The message names the command, the exit code and the standard error.
 */
public final class CommandFailedException extends ReactiveException {
  private static final long serialVersionUID = 1L;
  /** The exit code reported for a command that could not be started. */
  public static final int NOT_STARTED = -1;

  // javac 18+ flags a List field of a Serializable class; the value is always List.copyOf's
  // immutable list, which is serializable.
  @SuppressWarnings("serial")
  private final List<String> command;
  private final int exitCode;
  private final String stderr;

  public CommandFailedException(List<String> command, int exitCode, String stderr) {
    this(command, exitCode, stderr, null);
  }

  public CommandFailedException(List<String> command, int exitCode, String stderr, Throwable cause) {
    super(message(command, exitCode, stderr), cause);
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.stderr = stderr == null ? "" : stderr;
  }

  private static String message(List<String> command, int exitCode, String stderr) {
    String err = stderr == null || stderr.isBlank() ? "(no standard error)" : stderr.strip();
    return exitCode == NOT_STARTED
        ? "command " + Commands.quote(command) + " could not be started: " + err
        : "command " + Commands.quote(command) + " failed with exit code " + exitCode + ": " + err;
  }

  public List<String> command() {
    return command;
  }

  public int exitCode() {
    return exitCode;
  }

  public String stderr() {
    return stderr;
  }
}
