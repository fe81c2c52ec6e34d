package charms.reactive;

/** The base of the framework's own errors; every message names the thing at fault. */
public class ReactiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReactiveException(String message) {
    super(message);
  }

  public ReactiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
