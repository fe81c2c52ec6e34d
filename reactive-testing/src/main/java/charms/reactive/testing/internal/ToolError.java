package charms.reactive.testing.internal;

/**
 * A hook tool failed: the message Juju prints after {@code ERROR } and the exit code (2 for
 * argument errors found while parsing or in {@code Init}, 1 for errors while running).
 */
public final class ToolError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private ToolError(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** An argument error (flag parsing, {@code Init}): exit code 2. */
  public static ToolError usage(String message) {
    return new ToolError(2, message);
  }

  /** An error while running: exit code 1. */
  public static ToolError run(String message) {
    return new ToolError(1, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
