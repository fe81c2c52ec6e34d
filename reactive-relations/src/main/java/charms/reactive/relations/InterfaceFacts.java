package charms.reactive.relations;

import charms.reactive.FlagFact;
import charms.reactive.HookContext;
import charms.reactive.spi.StateSource;
import charms.reactive.relations.internal.EndpointPlaceholders;
import reactor.core.publisher.Flux;

/**
 * The interfaces' own flags: every endpoint's {@link Endpoint#facts()}, endpoint by endpoint in
 * name order, with {@code {endpoint_name}} replaced in each fact's flag. Registered after
 * {@link EndpointFlags}, so the interfaces' flags see the automatic ones. Cold and free of side
 * effects as far as the endpoints' {@link Endpoint#facts()} are (their contract); the endpoints
 * are bound by the start callback {@link EndpointFlags#prepare}.
 */
final class InterfaceFacts implements StateSource {

  @Override
  public Flux<FlagFact> facts(HookContext context) {
    return Flux.defer(() -> {
      Endpoints endpoints = context.service(Endpoints.class);
      return Flux.fromIterable(endpoints.all()).concatMap(InterfaceFacts::of);
    });
  }

  private static Flux<FlagFact> of(Endpoint ep) {
    String name = ep.endpointName();
    return Flux.defer(() -> {
      Flux<FlagFact> facts = ep.facts();
      if (facts == null) {
        return Flux.error(new RelationException(ep.getClass().getName() + ".facts() returned null "
            + "for endpoint " + name + "; return Flux.empty() for no facts"));
      }
      return facts;
    }).map(f -> f.flag() == null || !f.flag().contains(EndpointPlaceholders.ENDPOINT_NAME) ? f
        : new FlagFact(EndpointPlaceholders.expandName(f.flag(), name), f.set(), f.value()));
  }
}
