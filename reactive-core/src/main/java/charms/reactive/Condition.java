package charms.reactive;

import java.util.Set;

/**
 * A part of a handler's condition. A handler runs when all its conditions hold: a handler is its
 * condition, a filter over the hook's {@link StateSnapshot}s, plus its work.
 *
 * <p>Contract: {@link #test} reads a {@link ConditionContext}, a read-only view that cannot change
 * any state (by type: it offers no setter, and the object behind it implements none of the
 * writable types). The dispatcher tests conditions freely: against each pass's snapshot when it
 * queues the pass, and against the current flags just before a queued handler runs, after other
 * handlers changed flags. A condition that consumes something when its handler runs (a
 * once-mark, a file hash) does so in {@link #onHandlerSuccess}, which is given the handler's
 * writable context and runs inside the hook's transaction only after the handler completed
 * without error.
 */
public interface Condition {

  /**
   * Tests the condition against the view it is given (the pass's snapshot, or the current flags
   * for a re-test); cannot change state.
   */
  Verdict test(ConditionContext context);

  /**
   * The phase this condition confines its handler to, or null for no constraint (the handler then
   * runs in {@link Phase#OTHER}). A handler whose conditions name two different phases is rejected.
   */
  default Phase phase() {
    return null;
  }

  /**
   * True if the handler is to be tested in every phase (hooks, other and restricted), deciding
   * for itself what each phase means, as an external handler script does. Ignored when another
   * condition of the handler names a phase.
   */
  default boolean everyPhase() {
    return false;
  }

  /**
   * The flags this condition reads. After iteration 0, a handler watching flags is considered only
   * if one of them changed in the previous iteration.
   */
  default Set<String> watchedFlags() {
    return Set.of();
  }

  /**
   * True if the result can change within a hook only through the {@link #watchedFlags()} (or not
   * at all). Conditions that read anything else (files, data) return false and are re-tested
   * after every flag change.
   */
  default boolean dependsOnlyOnWatchedFlags() {
    return false;
  }

  /**
   * Called after the handler completed successfully, inside the hook's transaction, with the
   * handler's own context (on the hook's thread).
   */
  default void onHandlerSuccess(HandlerContext context) {
  }

  /** A short description for traces and error messages, such as {@code when(a, b)}. */
  String describe();
}
