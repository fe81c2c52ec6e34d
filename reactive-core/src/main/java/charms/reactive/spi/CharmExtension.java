package charms.reactive.spi;

import charms.reactive.ReactiveCharm;

/**
 * A module's contribution to a charm: state sources, lifecycle callbacks, parameter resolvers,
 * services or handlers, registered on the builder in one call ({@link ReactiveCharm.Builder#use}).
 */
@FunctionalInterface
public interface CharmExtension {

  void register(ReactiveCharm.Builder builder);
}
