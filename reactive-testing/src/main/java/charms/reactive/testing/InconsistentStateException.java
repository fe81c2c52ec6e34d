package charms.reactive.testing;

import java.util.List;

/**
 * The input state or event cannot exist in Juju for this charm (an undeclared endpoint, a config
 * key not in {@code config.yaml}, a relation hook without its remote unit...). Thrown before the
 * hook runs; {@link #problems()} lists every problem found, each naming what is wrong.
 */
public final class InconsistentStateException extends HarnessException {
  private static final long serialVersionUID = 1L;

  // javac 18+ flags a List field of a Serializable class; the value is always List.copyOf's
  // immutable list, which is serializable.
  @SuppressWarnings("serial")
  private final List<String> problems;

  public InconsistentStateException(String event, List<String> problems) {
    super("inconsistent state or event for " + event + ":\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
