package charms.reactive;

import java.util.List;

/** The dispatch loop reached its iteration cap in strict mode with handlers still matching. */
public final class IterationCapException extends ReactiveException {
  private static final long serialVersionUID = 1L;
  // javac 18+ flags a List field of a Serializable class; the value is always List.copyOf's
  // immutable list, which is serializable.
  @SuppressWarnings("serial")
  private final List<String> stillFiring;

  public IterationCapException(int cap, List<String> stillFiring) {
    super("dispatch reached the iteration cap of " + cap + " with handlers still matching: "
        + String.join(", ", stillFiring));
    this.stillFiring = List.copyOf(stillFiring);
  }

  public List<String> stillFiring() {
    return stillFiring;
  }
}
