package charms.reactive;

/**
 * What handlers and lifecycle callbacks can reach during one hook: the flags, the charm's data,
 * the hook's environment, the log and the services registered with the charm.
 */
public interface HookContext {

  Flags flags();

  /** The charm's key/value data, committed with the hook. */
  KeyValueStore data();

  HookEnvironment environment();

  /** The charm's {@code metadata.yaml}, read on first use. */
  CharmMetadata metadata();

  HookLog log();

  /**
   * The framework's own records of one owner (a module such as {@code juju} or {@code fs}), kept
   * apart from the charm's data and committed with the hook. Not for charm code.
   */
  KeyValueStore records(String owner);

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
