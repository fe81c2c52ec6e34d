package charms.reactive.internal.dispatch;

import charms.reactive.CharmMetadata;
import charms.reactive.ConditionContext;
import charms.reactive.Flags;
import charms.reactive.HookEnvironment;
import charms.reactive.KeyValueStore;
import charms.reactive.Phase;

/**
 * One handler's condition context: what its conditions read while tested (always on the hook's
 * thread) and write in {@link charms.reactive.Condition#onHandlerSuccess}.
 */
final class ConditionScope implements ConditionContext {
  private final String handlerId;
  private final HookSession session;
  private final FlagWatch watch;
  private Phase phase = Phase.OTHER;

  ConditionScope(String handlerId, HookSession session, FlagWatch watch) {
    this.handlerId = handlerId;
    this.session = session;
    this.watch = watch;
  }

  @Override
  public boolean watched(java.util.Collection<String> flags) {
    return phase != Phase.OTHER || watch.watches(flags);
  }

  void phase(Phase phase) {
    this.phase = phase;
  }

  @Override
  public String handlerId() {
    return handlerId;
  }

  @Override
  public Phase phase() {
    return phase;
  }

  @Override
  public Flags flags() {
    return session.flags();
  }

  @Override
  public HookEnvironment environment() {
    return session.environment();
  }

  @Override
  public CharmMetadata metadata() {
    return session.metadata();
  }

  @Override
  public KeyValueStore records(String owner) {
    return session.state().records(owner);
  }

  @Override
  public charms.reactive.HookFacts facts() {
    return session.service(charms.reactive.HookFacts.class);
  }

  @Override
  public com.fasterxml.jackson.databind.JsonNode input(String spec) {
    return session.service(charms.reactive.internal.stable.InputReaders.class)
        .read(session, charms.reactive.internal.stable.InputSpec.parse(spec, handlerId), handlerId);
  }
}
