package charms.reactive;

/**
 * Ends the hook early, with success: the Java equivalent of a Python handler's
 * {@code sys.exit(0)}. A handler throws it (or its publisher signals it, or its
 * {@code CompletionStage} fails with it):
 *
 * <pre>{@code
 * @When("maintenance.window.closed")
 * public void postpone(HookLog log) {
 *   throw new EndHook("the workload is busy; retrying on the next update-status");
 * }
 * }</pre>
 *
 * <p>The hook then commits as a successful hook would: the handler counts as having run
 * (outcome {@link DispatchTrace.Outcome#ENDED_HOOK}, its conditions' success bookkeeping done, so
 * an {@code onlyOnce} handler is marked), the handlers still queued are not started, no further
 * pass is made, the exit callbacks run, everything the hook changed so far is committed, and the
 * process exits with 0. The reason, if any, is logged at INFO. This differs from the original in
 * one point: there, the post-invocation bookkeeping of the ending handler (its once-mark) was
 * skipped; here the handler ended successfully, so it is done.
 *
 * <p>Thrown from a start, exit or trigger callback or a state source it is an ordinary error: the
 * hook fails. A bash handler's {@code exit 0} ends only that handler's process, as in the
 * original; bash handlers have no way to end the hook early.
 */
public final class EndHook extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Ends the hook early with no reason given. */
  public EndHook() {
    this("");
  }

  /** Ends the hook early; {@code reason} is logged. */
  public EndHook(String reason) {
    super(reason == null ? "" : reason, null, false, false);
  }

  /** Why the hook ended early, or an empty string. */
  public String reason() {
    return getMessage();
  }
}
