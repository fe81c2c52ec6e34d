package charms.reactive.maven.internal;

/** The charm cannot be packed; the message names the file or setting at fault. */
public final class CharmPackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CharmPackException(String message) {
    super(message);
  }

  public CharmPackException(String message, Throwable cause) {
    super(message, cause);
  }
}
