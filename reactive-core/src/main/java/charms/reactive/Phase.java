package charms.reactive;

/**
 * The phases of a dispatch. A normal hook runs {@link #HOOKS} once, then {@link #OTHER} in
 * iterations until nothing more matches; {@code collect-metrics} and {@code meter-status-changed}
 * run a single {@link #RESTRICTED} pass instead.
 */
public enum Phase {
  /** The single pass for {@code @Hook} handlers, before any other handler. */
  HOOKS,
  /** The iterated main loop, for handlers reacting to flags and everything else. */
  OTHER,
  /** The only pass of {@code collect-metrics} and {@code meter-status-changed}. */
  RESTRICTED;

  private final String label = name().toLowerCase(java.util.Locale.ROOT);

  /** The lower-case name used in logs and traces. */
  public String label() {
    return label;
  }
}
