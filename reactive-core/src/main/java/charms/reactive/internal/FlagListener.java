package charms.reactive.internal;

/** Observes flag changes inside the transaction (the flag watch, the re-test bookkeeping). */
public interface FlagListener {

  /** A real transition: {@code flag} went from not set to set ({@code set}) or back. */
  void onTransition(String flag, boolean set);

  /** Any clear call, even one that cleared nothing (the original re-tested after those). */
  default void onClearCalled(String flag) {
  }

  /**
   * A flag that was set got another value (no transition: triggers and the original's flag watch
   * ignore it; stable handlers, whose inputs include the values, do not).
   */
  default void onValueChanged(String flag) {
  }
}
