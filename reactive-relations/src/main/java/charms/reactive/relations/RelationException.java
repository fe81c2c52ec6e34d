package charms.reactive.relations;

import charms.reactive.ReactiveException;

/**
 * A relation was misused or misdeclared: an unknown relation name, a relation whose
 * implementation is missing or of another type, a conversation that does not exist. Thrown in a
 * hook, it fails the hook, which then commits nothing and publishes nothing.
 */
public class RelationException extends ReactiveException {
  private static final long serialVersionUID = 1L;

  public RelationException(String message) {
    super(message);
  }

  public RelationException(String message, Throwable cause) {
    super(message, cause);
  }
}
