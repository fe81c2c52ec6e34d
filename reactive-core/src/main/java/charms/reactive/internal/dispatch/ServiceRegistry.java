package charms.reactive.internal.dispatch;

import charms.reactive.HookEnvironment;
import charms.reactive.HookServices;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The services of one hook: overrides, then charm-wide instances, then per-hook factories. */
final class ServiceRegistry implements HookServices {
  private final HookEnvironment environment;
  private final Map<Class<?>, Object> overrides;
  private final Map<Class<?>, Object> instances;
  private final Map<Class<?>, Function<HookServices, ?>> factories;
  private final Map<Class<?>, Object> made = new HashMap<>();

  ServiceRegistry(HookEnvironment environment, Map<Class<?>, Object> overrides,
      Map<Class<?>, Object> instances, Map<Class<?>, Function<HookServices, ?>> factories) {
    this.environment = environment;
    this.overrides = overrides;
    this.instances = instances;
    this.factories = factories;
  }

  @Override
  public HookEnvironment environment() {
    return environment;
  }

  @Override
  public <T> T get(Class<T> type) {
    Object service = overrides.get(type);
    if (service == null) {
      service = instances.get(type);
    }
    if (service == null) {
      service = made.get(type);
    }
    if (service == null) {
      Function<HookServices, ?> factory = factories.get(type);
      if (factory == null) {
        throw new IllegalStateException("no service of type " + type.getName()
            + " is registered with this charm");
      }
      service = factory.apply(this);
      made.put(type, service);
    }
    return type.cast(service);
  }

  @Override
  public boolean has(Class<?> type) {
    return overrides.containsKey(type) || instances.containsKey(type) || factories.containsKey(type);
  }
}
