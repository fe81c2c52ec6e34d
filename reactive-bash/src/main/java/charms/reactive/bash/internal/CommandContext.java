package charms.reactive.bash.internal;

import charms.reactive.CharmMetadata;
import charms.reactive.ConditionContext;
import charms.reactive.Flags;
import charms.reactive.HookEnvironment;
import charms.reactive.KeyValueStore;
import charms.reactive.Phase;
import charms.reactive.Trigger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What {@code charms.reactive} commands act on: inside a hook, the dispatcher's transaction and
 * the phase and flag watch of the external handler being run; outside a hook, the committed unit
 * state (no phase).
 */
public interface CommandContext {

  Flags flags();

  HookEnvironment environment();

  CharmMetadata metadata();

  KeyValueStore records(String owner);

  /** The phase being dispatched, or null outside a dispatch. */
  Phase phase();

  /** The flag-watch rule (see {@link ConditionContext#watched}); true outside a dispatch. */
  boolean watched(Collection<String> flags);

  /** A service of the hook (the hook-tool client, relation calls), if any. */
  <T> Optional<T> service(Class<T> type);

  /**
   * Records what {@code test} found: of {@code specs}, the ones in {@code passed} hold. The
   * framework finishes (once-marks, file digests) only functions that held when they ran.
   */
  void tested(List<FunctionSpec> specs, List<FunctionSpec> passed);

  /** Registers a trigger: for the rest of the hook inside one, saved in the state outside. */
  default void registerTrigger(Trigger trigger) {
    flags().registerTrigger(trigger);
  }

  /**
   * The handler file whose {@code --test} run is making this call, if any: such a call must not
   * change state.
   */
  default Optional<String> beingTested() {
    return Optional.empty();
  }

  /** The hook's hook-scoped facts; none outside a hook. */
  default charms.reactive.HookFacts facts() {
    return new charms.reactive.HookFacts();
  }

  /**
   * The current value of a stable input {@code kind:key}, read for {@code handlerId}.
   *
   * @throws charms.reactive.ReactiveException outside a hook, or naming the spec if unreadable
   */
  default com.fasterxml.jackson.databind.JsonNode input(String spec, String handlerId) {
    throw new charms.reactive.ReactiveException("stable input " + spec + " of " + handlerId
        + " cannot be read outside a hook");
  }

  /** A condition context in which {@code handlerId} is the handler, for the core's conditions. */
  default ConditionContext forHandler(String handlerId) {
    CommandContext outer = this;
    return new ConditionContext() {
      @Override
      public String handlerId() {
        return handlerId;
      }

      @Override
      public Phase phase() {
        return outer.phase() == null ? Phase.OTHER : outer.phase();
      }

      @Override
      public Flags flags() {
        return outer.flags();
      }

      @Override
      public boolean watched(Collection<String> watched) {
        return outer.watched(watched);
      }

      @Override
      public HookEnvironment environment() {
        return outer.environment();
      }

      @Override
      public CharmMetadata metadata() {
        return outer.metadata();
      }

      @Override
      public KeyValueStore records(String owner) {
        return outer.records(owner);
      }

      @Override
      public charms.reactive.HookFacts facts() {
        return outer.facts();
      }

      @Override
      public com.fasterxml.jackson.databind.JsonNode input(String spec) {
        return outer.input(spec, handlerId);
      }
    };
  }
}
