package charms.reactive;

import java.util.Collection;
import java.util.function.Predicate;

/**
 * What a {@link Condition} reads while it is tested: a read-only {@link HookView} of the hook, plus
 * the handler and the phase. A condition cannot change anything through it: the flags are a
 * {@link FlagView}, the data and records {@link KeyValueView}s, and the object the dispatcher
 * passes implements none of the writable types.
 *
 * <p>When the dispatcher queues a pass's handlers, {@link #flags()} is that pass's
 * {@link StateSnapshot} (immutable: keeping the view keeps the snapshot); when it tests a queued
 * handler again just before running it, after other handlers changed flags, {@link #flags()}
 * reads the flags as they are then. Everything else (data, records, files, the environment) is
 * read as it is at the moment of the test: the snapshot holds flags only.
 *
 * <p>More may be added to this view; implement it only through {@link #of}.
 */
public interface ConditionContext extends HookView {

  /** The id of the handler whose condition this is. */
  String handlerId();

  /** The phase being dispatched. */
  Phase phase();

  /**
   * The flag-watch rule for flags a condition discovers only when tested (an external handler's
   * functions): true in iteration 0 of the main loop and in the hooks phase, or if one of
   * {@code watched} changed in the previous iteration.
   */
  boolean watched(Collection<String> watched);

  /**
   * This hook's hook-scoped facts (what changed since the last committed hook: config options,
   * relation fields, departed units, an upgrade, files); see {@link HookFacts}. Empty where no
   * hook runs.
   */
  default HookFacts facts() {
    return new HookFacts();
  }

  /**
   * The current value of a stable-handler input {@code kind:key} ({@link Stable#inputs()}), as
   * JSON (JSON null when absent). Reads only.
   *
   * @throws ReactiveException naming the spec if no reader knows its kind or reading fails
   */
  default com.fasterxml.jackson.databind.JsonNode input(String spec) {
    throw new ReactiveException("stable input " + spec + " cannot be read outside a hook");
  }

  /**
   * A condition view of {@code hook} for the handler {@code handlerId}: reads go to
   * {@code hook} through {@link HookView#readOnly}, so nothing can be changed through it.
   *
   * @param watched the flag-watch rule answering {@link #watched}
   */
  static ConditionContext of(String handlerId, Phase phase, HookView hook,
      Predicate<Collection<String>> watched) {
    return new charms.reactive.internal.ConditionView(handlerId,
        new charms.reactive.internal.ConditionView.Fixed(phase, HookView.readOnly(hook), watched));
  }

  /**
   * {@link #of(String, Phase, HookView, Predicate)} with the hook's facts and a reader of stable
   * inputs (for code that tests conditions itself, such as an external handler's functions).
   */
  static ConditionContext of(String handlerId, Phase phase, HookView hook,
      Predicate<Collection<String>> watched, HookFacts facts,
      java.util.function.Function<String, com.fasterxml.jackson.databind.JsonNode> inputs) {
    return new charms.reactive.internal.ConditionView(handlerId,
        new charms.reactive.internal.ConditionView.Fixed(phase, HookView.readOnly(hook), watched,
            facts, inputs));
  }
}
