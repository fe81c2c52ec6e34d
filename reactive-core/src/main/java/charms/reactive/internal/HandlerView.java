package charms.reactive.internal;

import charms.reactive.CharmMetadata;
import charms.reactive.Flags;
import charms.reactive.HandlerContext;
import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.HookServices;
import charms.reactive.KeyValueStore;
import charms.reactive.LifecycleCallback;
import charms.reactive.spi.FrameworkRecords;

/** A hook as one handler sees it ({@link HandlerContext#of}): the hook, and the handler's id. */
public final class HandlerView implements HandlerContext, RecordsStore {
  private final String handlerId;
  private final HookContext hook;

  public HandlerView(String handlerId, HookContext hook) {
    this.handlerId = java.util.Objects.requireNonNull(handlerId, "handlerId");
    this.hook = java.util.Objects.requireNonNull(hook, "hook");
  }

  @Override
  public String handlerId() {
    return handlerId;
  }

  @Override
  public Flags flags() {
    return hook.flags();
  }

  @Override
  public KeyValueStore data() {
    return hook.data();
  }

  @Override
  public KeyValueStore records(String owner) {
    return FrameworkRecords.of(hook, owner);
  }

  @Override
  public HookEnvironment environment() {
    return hook.environment();
  }

  @Override
  public String hookName() {
    return hook.hookName();
  }

  @Override
  public CharmMetadata metadata() {
    return hook.metadata();
  }

  @Override
  public HookLog log() {
    return hook.log();
  }

  @Override
  public HookServices services() {
    return hook.services();
  }

  @Override
  public <T> T service(Class<T> type) {
    return hook.service(type);
  }

  @Override
  public void atExit(LifecycleCallback callback) {
    hook.atExit(callback);
  }
}
