package charms.reactive.spi;

import charms.reactive.FlagFact;
import charms.reactive.HookContext;
import charms.reactive.ReactiveCharm;
import reactor.core.publisher.Flux;

/**
 * A source of flag facts derived from one kind of input (config values, leadership, relation
 * data, files). At the start of each non-restricted hook, after the start callbacks, every source
 * is subscribed to once, in registration order; their facts are applied to the flags in that
 * order and in emission order (so triggers fire), and the result is the first snapshot of the
 * hook's dispatch.
 *
 * <p>Contract: the returned {@code Flux} is cold and free of side effects: subscribing to it
 * (again) yields the same facts for the same state and changes nothing (no flags, data, records,
 * triggers or hook-tool writes). Reading the input once per hook and recording what the next hook
 * compares against is bookkeeping: it belongs in a start callback ({@link
 * ReactiveCharm.Builder#onStart}) or an exit callback, whose result the source then reads. The
 * {@code Flux} must complete; it may signal on any thread (its facts are applied on the hook's);
 * an error fails the hook, which then commits nothing.
 */
@FunctionalInterface
public interface StateSource {

  Flux<FlagFact> facts(HookContext context);
}
