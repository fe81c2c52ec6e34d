package charms.reactive.spi;

import charms.reactive.HookContext;
import charms.reactive.HookView;
import charms.reactive.KeyValueStore;
import charms.reactive.KeyValueView;
import charms.reactive.internal.RecordsStore;
import charms.reactive.internal.RecordsView;

/**
 * The framework's own records: key/value data of one owner (a module such as {@code juju} or
 * {@code fs}, or a condition kind such as {@code once}), kept in the unit state apart from the
 * charm's data and committed with the hook. They are how a module or a condition remembers
 * something between hooks (the config values last seen, file digests, departed units). Charm code
 * keeps its own data in {@link HookContext#data()} and never needs this class.
 *
 * <p>Owners are non-empty and hold no {@code ':'}; an owner's keys follow the rules of
 * {@link KeyValueStore}. Only hooks the framework made have records: a hook, handler or condition
 * context given by the dispatcher, the test harness or {@link StateTransaction}. One hook, one
 * thread.
 */
public final class FrameworkRecords {
  private FrameworkRecords() {
  }

  /**
   * The records of {@code owner} in {@code hook}, writable.
   *
   * @throws IllegalArgumentException if {@code hook} was not made by the framework, or the owner
   *     is empty or holds {@code ':'}
   */
  public static KeyValueStore of(HookContext hook, String owner) {
    if (hook instanceof RecordsStore store) {
      return store.records(owner);
    }
    throw notTheFramework(hook);
  }

  /**
   * The records of {@code owner} in {@code hook}, read-only (a condition's view reads them this
   * way; what it gets implements no {@link KeyValueStore}).
   *
   * @throws IllegalArgumentException if {@code hook} was not made by the framework, or the owner
   *     is empty or holds {@code ':'}
   */
  public static KeyValueView of(HookView hook, String owner) {
    if (hook instanceof RecordsView view) {
      return view.records(owner);
    }
    throw notTheFramework(hook);
  }

  private static IllegalArgumentException notTheFramework(Object hook) {
    return new IllegalArgumentException("framework records are kept only by hooks the framework "
        + "made; " + (hook == null ? "null" : hook.getClass().getName()) + " is not one");
  }
}
