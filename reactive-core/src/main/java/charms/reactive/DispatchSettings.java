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
 * @param stableByDefault make every handler whose conditions are flags only ({@code when*},
 *     {@code only_once}) a {@link Stable} handler, unless it says {@code @Stable(false)} or
 *     {@code stable(false)}; hook, restricted, file and fact conditions are edges already and
 *     their handlers stay as declared
 */
public record DispatchSettings(int iterationCap, boolean strictCap, RetestPolicy retest,
    boolean printTrace, boolean stableByDefault) {

  /** Settings without stable-by-default. */
  public DispatchSettings(int iterationCap, boolean strictCap, RetestPolicy retest,
      boolean printTrace) {
    this(iterationCap, strictCap, retest, printTrace, false);
  }

  public DispatchSettings {
    if (iterationCap < 1) {
      throw new IllegalArgumentException("iterationCap must be at least 1, was " + iterationCap);
    }
    java.util.Objects.requireNonNull(retest, "retest");
  }

  public static DispatchSettings defaults() {
    return new DispatchSettings(100, false, RetestPolicy.ANY_CHANGE, false, false);
  }

  public DispatchSettings withIterationCap(int cap) {
    return new DispatchSettings(cap, strictCap, retest, printTrace, stableByDefault);
  }

  public DispatchSettings withStrictCap(boolean strict) {
    return new DispatchSettings(iterationCap, strict, retest, printTrace, stableByDefault);
  }

  public DispatchSettings withRetest(RetestPolicy policy) {
    return new DispatchSettings(iterationCap, strictCap, policy, printTrace, stableByDefault);
  }

  public DispatchSettings withPrintTrace(boolean print) {
    return new DispatchSettings(iterationCap, strictCap, retest, print, stableByDefault);
  }

  /** Every flags-only handler stable unless it opts out (see {@link #stableByDefault()}). */
  public DispatchSettings withStableByDefault(boolean stable) {
    return new DispatchSettings(iterationCap, strictCap, retest, printTrace, stable);
  }
}
