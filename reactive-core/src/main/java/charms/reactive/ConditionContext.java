package charms.reactive;

/**
 * What a {@link Condition} may read while it is tested, and write in
 * {@link Condition#onHandlerSuccess}. One context exists per handler per hook.
 */
public interface ConditionContext {

  /** The id of the handler whose condition this is. */
  String handlerId();

  /** The phase being dispatched. */
  Phase phase();

  Flags flags();

  /**
   * The flag-watch rule for flags a condition discovers only when tested (an external handler's
   * functions): true in iteration 0 of the main loop and in the hooks phase, or if one of
   * {@code watched} changed in the previous iteration.
   */
  boolean watched(java.util.Collection<String> watched);

  HookEnvironment environment();

  /** The charm's {@code metadata.yaml}, read on first use. */
  CharmMetadata metadata();

  /**
   * The framework's own records for one owner (a module or condition kind), kept apart from the
   * charm's data and committed with the hook.
   */
  KeyValueStore records(String owner);

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
}
