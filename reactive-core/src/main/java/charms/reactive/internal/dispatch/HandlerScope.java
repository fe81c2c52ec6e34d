package charms.reactive.internal.dispatch;

import charms.reactive.CharmMetadata;
import charms.reactive.ConditionContext;
import charms.reactive.Flags;
import charms.reactive.HandlerContext;
import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.KeyValueStore;
import charms.reactive.LifecycleCallback;
import charms.reactive.Phase;

/** One handler's view of the hook: its condition context and its handler context. */
final class HandlerScope implements ConditionContext, HandlerContext {
  private final String handlerId;
  private final HookSession session;
  private final FlagWatch watch;
  private Phase phase = Phase.OTHER;

  HandlerScope(String handlerId, HookSession session, FlagWatch watch) {
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
  public KeyValueStore data() {
    return session.data();
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
  public charms.reactive.HookServices services() {
    return session.services();
  }

  @Override
  public HookLog log() {
    return session.log();
  }

  @Override
  public <T> T service(Class<T> type) {
    return session.service(type);
  }

  @Override
  public void atExit(LifecycleCallback callback) {
    session.atExit(callback);
  }
}
