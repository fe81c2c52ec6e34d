package charms.reactive;

/** When the handlers still queued in an iteration are tested again. */
public enum RetestPolicy {
  /**
   * After any flag transition (set or clear): a handler runs only if its condition holds at the
   * instant it starts. The default.
   */
  ANY_CHANGE,
  /**
   * The original's behaviour: only after a {@code clear} call (even one that cleared nothing);
   * a queued handler still runs after another handler set a flag it excludes.
   */
  CLEAR_ONLY
}
