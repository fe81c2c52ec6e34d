package charms.reactive.state;

import charms.reactive.ReactiveException;

/** The unit state cannot be read, locked or written; the message names the file. */
public final class StateFileException extends ReactiveException {
  private static final long serialVersionUID = 1L;

  public StateFileException(String message) {
    super(message);
  }

  public StateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
