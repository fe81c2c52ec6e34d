package charms.reactive.internal;

import charms.reactive.CharmMetadata;
import charms.reactive.ConditionContext;
import charms.reactive.FlagView;
import charms.reactive.HookEnvironment;
import charms.reactive.HookView;
import charms.reactive.KeyValueView;
import charms.reactive.Phase;
import charms.reactive.spi.FrameworkRecords;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * One handler's {@link ConditionContext}: the handler's id over a {@link Pass}, which says what
 * the conditions read now (the dispatcher's pass: its snapshot while it queues, the current flags
 * for re-tests). Implements none of the writable types.
 */
public final class ConditionView implements ConditionContext, RecordsView {

  /** The pass a condition is tested in: its phase, the read-only hook, the flag-watch rule. */
  public interface Pass {
    Phase phase();

    /** Read-only (made by {@link HookView#readOnly} or {@link ReadOnlyHook#withFlags}). */
    HookView hook();

    boolean watched(Collection<String> flags);

    /** The hook's hook-scoped facts; none by default. */
    default charms.reactive.HookFacts facts() {
      return new charms.reactive.HookFacts();
    }

    /** The current value of a stable input, read for {@code handlerId}. */
    default com.fasterxml.jackson.databind.JsonNode input(String spec, String handlerId) {
      throw new charms.reactive.ReactiveException("stable input " + spec + " of handler "
          + handlerId + " cannot be read here");
    }
  }

  /**
   * A pass that does not move on (a single test outside the dispatcher), with the facts and the
   * input reader of the hook it belongs to.
   */
  public record Fixed(Phase phase, HookView hook, Predicate<Collection<String>> rule,
      charms.reactive.HookFacts hookFacts,
      java.util.function.Function<String, com.fasterxml.jackson.databind.JsonNode> inputs)
      implements Pass {

    /** Without facts or inputs. */
    public Fixed(Phase phase, HookView hook, Predicate<Collection<String>> rule) {
      this(phase, hook, rule, new charms.reactive.HookFacts(), null);
    }

    @Override
    public boolean watched(Collection<String> flags) {
      return rule.test(flags);
    }

    @Override
    public charms.reactive.HookFacts facts() {
      return hookFacts;
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode input(String spec, String handlerId) {
      return inputs == null ? Pass.super.input(spec, handlerId) : inputs.apply(spec);
    }
  }

  private final String handlerId;
  private final Pass pass;

  public ConditionView(String handlerId, Pass pass) {
    this.handlerId = handlerId;
    this.pass = pass;
  }

  @Override
  public String handlerId() {
    return handlerId;
  }

  @Override
  public Phase phase() {
    return pass.phase();
  }

  @Override
  public boolean watched(Collection<String> flags) {
    return pass.watched(flags);
  }

  @Override
  public HookEnvironment environment() {
    return pass.hook().environment();
  }

  @Override
  public String hookName() {
    return pass.hook().hookName();
  }

  @Override
  public CharmMetadata metadata() {
    return pass.hook().metadata();
  }

  @Override
  public FlagView flags() {
    return pass.hook().flags();
  }

  @Override
  public KeyValueView data() {
    return pass.hook().data();
  }

  @Override
  public KeyValueView records(String owner) {
    return FrameworkRecords.of(pass.hook(), owner);
  }

  @Override
  public charms.reactive.HookFacts facts() {
    return pass.facts();
  }

  @Override
  public com.fasterxml.jackson.databind.JsonNode input(String spec) {
    return pass.input(spec, handlerId);
  }
}
