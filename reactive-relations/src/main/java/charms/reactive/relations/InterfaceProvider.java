package charms.reactive.relations;

import java.util.List;

/**
 * Service-provider interface through which an interface library announces its implementations,
 * found with {@link java.util.ServiceLoader} when the charm calls
 * {@link Relations.Builder#discover()} (the library lists its provider class in
 * {@code META-INF/services/charms.reactive.relations.InterfaceProvider}). Nothing scans the class
 * path. Needs a public no-argument constructor.
 */
public interface InterfaceProvider {

  /** The implementations this library offers. */
  List<Implementation<?>> implementations();
}
