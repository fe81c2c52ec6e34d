package charms.reactive;

import java.util.List;

/** Triggers that would fire each other forever; the message lists the transitions of the cycle. */
public final class TriggerCycleException extends ReactiveException {
  private static final long serialVersionUID = 1L;
  // javac 18+ flags a List field of a Serializable class; the value is always List.copyOf's
  // immutable list, which is serializable.
  @SuppressWarnings("serial")
  private final List<String> cycle;

  public TriggerCycleException(List<String> cycle) {
    super("trigger cycle: " + String.join(" -> ", cycle));
    this.cycle = List.copyOf(cycle);
  }

  /** The transitions, such as {@code set a}, {@code clear b}, ending where the cycle closes. */
  public List<String> cycle() {
    return cycle;
  }
}
