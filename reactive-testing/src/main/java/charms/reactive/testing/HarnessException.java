package charms.reactive.testing;

/**
 * The harness itself failed: a charm file is missing or malformed, the charm process cannot be
 * started or timed out, the fake tool server cannot be reached. A failing <em>hook</em> is not a
 * harness failure; it is reported in {@link HookOutcome}.
 */
public class HarnessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HarnessException(String message) {
    super(message);
  }

  public HarnessException(String message, Throwable cause) {
    super(message, cause);
  }
}
