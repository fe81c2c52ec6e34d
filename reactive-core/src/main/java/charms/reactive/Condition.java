package charms.reactive;

import java.util.Set;

/**
 * A part of a handler's condition. A handler runs when all its conditions hold.
 *
 * <p>Contract: {@link #test} must not change any state; the dispatcher and the trace test
 * conditions freely (again after flag changes, to explain a decision). A condition that consumes
 * something when its handler runs (a once-mark, a file hash) does so in
 * {@link #onHandlerSuccess}, which runs inside the hook's transaction only after the handler
 * completed without error.
 */
public interface Condition {

  /** Tests the condition against the current state of the hook; never changes state. */
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

  /** Called after the handler completed successfully, inside the hook's transaction. */
  default void onHandlerSuccess(ConditionContext context) {
  }

  /** A short description for traces and error messages, such as {@code when(a, b)}. */
  String describe();
}
