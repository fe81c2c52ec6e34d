package charms.reactive;

/**
 * One hook as it can be read, without a way to change it: its environment and name, the charm's
 * metadata, the flags and the charm's data. {@link HookContext} is the
 * same hook with the means to change it (and the log, the services, exit callbacks); conditions
 * get a {@link ConditionContext}, which is only a view.
 *
 * <p>A view made by the framework for a condition implements none of the writable types: its
 * flags are no {@link Flags}, its data no {@link KeyValueStore}, and it is no
 * {@link HookContext}, so a cast does not get around it either. One hook, one thread.
 */
public interface HookView {

  HookEnvironment environment();

  /** The running hook's name ({@code install}, {@code db-relation-changed}, an action's name). */
  default String hookName() {
    return environment().hookName();
  }

  /** The charm's {@code metadata.yaml}, read on first use. */
  CharmMetadata metadata();

  FlagView flags();

  /** The charm's key/value data. */
  KeyValueView data();

  /**
   * A view of {@code hook} that cannot change it: reads go to {@code hook} as it is at the moment
   * of reading; the view's flags and data (and the framework's records, for modules) implement
   * none of the writable types.
   */
  static HookView readOnly(HookView hook) {
    return charms.reactive.internal.ReadOnlyHook.of(hook);
  }
}
