package charms.reactive.bash.internal;

/**
 * A {@code charms.reactive} call that is not only refused but fails the hook: a handler file that
 * changes state while it is tested, or declares a function that can never be tested. The caller
 * gets the message on its standard error with exit code 1; once the handler's process has exited
 * the hook fails with the same message, whether or not the script checked the exit code.
 */
public final class FatalCommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FatalCommandException(String message) {
    super(message);
  }

  public FatalCommandException(String message, Throwable cause) {
    super(message, cause);
  }
}
