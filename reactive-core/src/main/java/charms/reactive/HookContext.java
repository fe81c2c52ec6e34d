package charms.reactive;

/**
 * One hook as handlers and lifecycle callbacks reach it: the {@link HookView} with the means to
 * change it (flags and the charm's data, committed with the hook), plus
 * the log, the services registered with the charm and exit callbacks.
 */
public interface HookContext extends HookView {

  @Override
  Flags flags();

  /** The charm's key/value data, committed with the hook. */
  @Override
  KeyValueStore data();

  HookLog log();

  /** The hook's services (registered, per-hook and overridden ones). */
  HookServices services();

  /**
   * A service registered with {@link ReactiveCharm.Builder#service}.
   *
   * @throws IllegalStateException naming the type if no such service is registered
   */
  <T> T service(Class<T> type);

  /**
   * Registers a callback that runs after the dispatch, before the commit. Exit callbacks run in
   * reverse order of registration, so one registered during the hook runs before those registered
   * when the charm was built.
   */
  void atExit(LifecycleCallback callback);
}
