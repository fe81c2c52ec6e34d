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

  HookEnvironment environment();

  /** The charm's {@code metadata.yaml}, read on first use. */
  CharmMetadata metadata();

  /**
   * The framework's own records for one owner (a module or condition kind), kept apart from the
   * charm's data and committed with the hook.
   */
  KeyValueStore records(String owner);
}
