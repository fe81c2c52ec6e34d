package charms.reactive.bash.internal;

import charms.reactive.ConditionContext;
import charms.reactive.HandlerContext;
import charms.reactive.HookContext;
import charms.reactive.HookView;
import charms.reactive.Phase;
import charms.reactive.Trigger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What {@code charms.reactive} commands act on, made of the core's model of a hook: they read a
 * read-only {@link HookView} and change a {@link HookContext}. Inside a hook that is the
 * dispatcher's transaction: while a handler file runs {@code --test}, the {@link ConditionContext}
 * its test was given (the pass's snapshot) and <em>no</em> writable hook at all, so a command that
 * would change state has nothing to change it with and fails; while it runs {@code --invoke}, the
 * handler's {@link charms.reactive.HandlerContext}. Outside a hook, the committed unit state (no
 * phase).
 */
public interface CommandContext {

  /** The hook as commands read it; cannot change it. */
  HookView view();

  /** The hook as commands change it; empty while a handler file is being tested. */
  Optional<HookContext> hook();

  /** The phase being dispatched, or null outside a dispatch. */
  Phase phase();

  /** The flag-watch rule (see {@link ConditionContext#watched}); true outside a dispatch. */
  boolean watched(Collection<String> flags);

  /**
   * Records what {@code test} found: of {@code specs}, the ones in {@code passed} hold. The
   * framework finishes (once-marks, file digests) only functions that held when they ran.
   */
  void tested(List<FunctionSpec> specs, List<FunctionSpec> passed);

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

  /**
   * The hook to change for {@code command}.
   *
   * @throws FatalCommandException naming the command and the file if a file is being tested
   */
  default HookContext writable(String command) {
    return hook().orElseThrow(() -> new FatalCommandException("charms.reactive " + command
        + " was called while " + beingTested().orElse("a handler file") + " was being tested "
        + "(--test): a test must not change state; change flags in the functions that --invoke "
        + "runs"));
  }

  /** Registers a trigger: for the rest of the hook inside one, saved in the state outside. */
  default void registerTrigger(Trigger trigger) {
    writable("register_trigger").flags().registerTrigger(trigger);
  }

  /** A service of the hook (the hook-tool client, relation calls), if any; none while tested. */
  default <T> Optional<T> service(Class<T> type) {
    return hook().filter(h -> h.services().has(type)).map(h -> h.service(type));
  }

  /** The read-only view the core's conditions get, with {@code handlerId} as the handler. */
  default ConditionContext forHandler(String handlerId) {
    Phase phase = phase();
    return ConditionContext.of(handlerId, phase == null ? Phase.OTHER : phase, view(),
        this::watched, facts(), spec -> input(spec, handlerId));
  }

  /**
   * The writable context of the handler {@code handlerId}, for what its conditions consume when
   * it succeeded (once-marks, file digests: what {@code mark_invoked} does).
   *
   * @throws FatalCommandException if a file is being tested
   */
  default HandlerContext forSuccess(String handlerId) {
    return HandlerContext.of(handlerId, writable("mark_invoked"));
  }
}
