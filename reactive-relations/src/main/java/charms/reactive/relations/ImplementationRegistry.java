package charms.reactive.relations;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The implementations a charm knows, by role and interface. Immutable once built. */
final class ImplementationRegistry {
  private final Map<String, Implementation<?>> byKey;

  ImplementationRegistry(Map<String, Implementation<?>> byKey) {
    this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
  }

  static String key(Role role, String interfaceName) {
    return role.key() + "/" + interfaceName;
  }

  Optional<Implementation<?>> find(Role role, String interfaceName) {
    return Optional.ofNullable(byKey.get(key(role, interfaceName)));
  }

  Collection<Implementation<?>> all() {
    return byKey.values();
  }
}
