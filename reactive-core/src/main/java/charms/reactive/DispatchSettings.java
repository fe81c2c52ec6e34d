package charms.reactive;

/**
 * How the dispatcher behaves.
 *
 * @param iterationCap the most iterations of the main loop (default 100); reaching it with
 *     handlers still matching logs a WARNING naming them
 * @param strictCap fail the hook, instead of warning, when the cap is reached
 * @param retest when queued handlers are re-tested, see {@link RetestPolicy}
 * @param printTrace print the dispatch trace to the log at the end of every hook (also switched on
 *     by the environment variable {@code CHARMS_REACTIVE_TRACE=1})
 */
public record DispatchSettings(int iterationCap, boolean strictCap, RetestPolicy retest,
    boolean printTrace) {

  public DispatchSettings {
    if (iterationCap < 1) {
      throw new IllegalArgumentException("iterationCap must be at least 1, was " + iterationCap);
    }
    java.util.Objects.requireNonNull(retest, "retest");
  }

  public static DispatchSettings defaults() {
    return new DispatchSettings(100, false, RetestPolicy.ANY_CHANGE, false);
  }

  public DispatchSettings withIterationCap(int cap) {
    return new DispatchSettings(cap, strictCap, retest, printTrace);
  }

  public DispatchSettings withStrictCap(boolean strict) {
    return new DispatchSettings(iterationCap, strict, retest, printTrace);
  }

  public DispatchSettings withRetest(RetestPolicy policy) {
    return new DispatchSettings(iterationCap, strictCap, policy, printTrace);
  }

  public DispatchSettings withPrintTrace(boolean print) {
    return new DispatchSettings(iterationCap, strictCap, retest, print);
  }
}
