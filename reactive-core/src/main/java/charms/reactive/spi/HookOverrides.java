package charms.reactive.spi;

import charms.reactive.state.StateStore;
import java.util.Map;

/**
 * What a caller (the test harness, a CLI) replaces for one hook: the state store, and service
 * instances that take precedence over the charm's own (for example the hook-tool runner).
 *
 * @param stateStore the store for this hook, or null for the charm's own
 * @param services instances by type, winning over registered services and per-hook factories
 */
public record HookOverrides(StateStore stateStore, Map<Class<?>, Object> services) {

  public HookOverrides {
    services = Map.copyOf(services);
  }

  public static HookOverrides none() {
    return new HookOverrides(null, Map.of());
  }
}
