package charms.reactive;

import reactor.core.publisher.Flux;

/**
 * A source of flag facts derived from one kind of input (config values, leadership, relation
 * data, files). Before each non-restricted dispatch the sources are subscribed to in registration
 * order, after the start callbacks; their facts are applied to the flags in emission order (so
 * triggers fire) and the result is the snapshot the dispatch starts from.
 *
 * <p>Contract: the returned {@code Flux} must complete; an error fails the hook, which then
 * commits nothing.
 */
@FunctionalInterface
public interface StateSource {

  Flux<FlagFact> facts(HookContext context);
}
