package charms.reactive;

/** A handler that cannot be registered as declared (conflicting phases, unresolvable parameter). */
public final class HandlerDefinitionException extends ReactiveException {
  private static final long serialVersionUID = 1L;

  public HandlerDefinitionException(String message) {
    super(message);
  }
}
