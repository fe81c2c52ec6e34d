package charms.reactive;

/** A handler threw or its publisher signalled an error; the hook fails and commits nothing. */
public final class HandlerFailedException extends ReactiveException {
  private static final long serialVersionUID = 1L;
  private final String handlerId;

  public HandlerFailedException(String handlerId, Throwable cause) {
    super("handler " + handlerId + " failed: " + cause, cause);
    this.handlerId = handlerId;
  }

  public String handlerId() {
    return handlerId;
  }
}
