package charms.reactive;

import charms.reactive.spi.HookOverrides;

/**
 * The services of one hook: those registered with the charm, those made per hook by factories
 * registered with {@link ReactiveCharm.Builder#hookService}, and those a caller supplied for this
 * hook in {@link HookOverrides} (which win). Per-hook services are made on first use.
 */
public interface HookServices {

  HookEnvironment environment();

  /**
   * The service of this type.
   *
   * @throws IllegalStateException naming the type if there is none
   */
  <T> T get(Class<T> type);

  /** Whether a service of this type is available. */
  boolean has(Class<?> type);
}
