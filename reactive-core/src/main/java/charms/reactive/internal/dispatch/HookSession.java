package charms.reactive.internal.dispatch;

import charms.reactive.CharmMetadata;
import charms.reactive.Flags;
import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.HookServices;
import charms.reactive.KeyValueStore;
import charms.reactive.LifecycleCallback;
import charms.reactive.internal.RecordsStore;
import charms.reactive.internal.UnitState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything one hook run holds: the transaction, the environment, the log, the services and the
 * exit callbacks registered so far. Lives for exactly one hook.
 */
public final class HookSession implements HookContext, RecordsStore {
  private final UnitState state;
  private final HookEnvironment environment;
  private final HookLog log;
  private final HookServices services;
  private final Supplier<CharmMetadata> metadataLoader;
  private final List<LifecycleCallback> exitCallbacks;
  private CharmMetadata metadata;

  public HookSession(UnitState state, HookEnvironment environment, HookLog log,
      HookServices services, Supplier<CharmMetadata> metadataLoader,
      List<LifecycleCallback> exitCallbacks) {
    this.state = state;
    this.environment = environment;
    this.log = log;
    this.services = services;
    this.metadataLoader = metadataLoader;
    this.exitCallbacks = new ArrayList<>(exitCallbacks);
  }

  public UnitState state() {
    return state;
  }

  @Override
  public Flags flags() {
    return state.flags();
  }

  @Override
  public KeyValueStore data() {
    return state.data();
  }

  @Override
  public HookEnvironment environment() {
    return environment;
  }

  @Override
  public CharmMetadata metadata() {
    if (metadata == null) {
      metadata = metadataLoader.get();
    }
    return metadata;
  }

  @Override
  public HookLog log() {
    return log;
  }

  @Override
  public <T> T service(Class<T> type) {
    return services.get(type);
  }

  @Override
  public KeyValueStore records(String owner) {
    return state.records(owner);
  }

  @Override
  public HookServices services() {
    return services;
  }

  @Override
  public void atExit(LifecycleCallback callback) {
    exitCallbacks.add(callback);
  }

  /**
   * Runs the exit callbacks in reverse registration order; callbacks registered while they run
   * run too, before the older ones.
   */
  public void runExitCallbacks() throws Exception {
    while (!exitCallbacks.isEmpty()) {
      exitCallbacks.remove(exitCallbacks.size() - 1).run(this);
    }
  }
}
