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

/**
 * The hook as its handlers get it (each through {@link charms.reactive.HandlerContext#of}, with its
 * id): the {@link HookSession}, with its flags, data, records and exit callbacks pinned to the
 * hook's thread: a call made from a handler's asynchronous part on another thread runs on the
 * hook's thread. One per hook.
 */
final class PinnedHook implements HookContext, RecordsStore {
  private final HookSession session;
  private final HookThread thread;
  private final Flags flags;
  private final KeyValueStore data;

  PinnedHook(HookSession session, HookThread thread) {
    this.session = session;
    this.thread = thread;
    this.flags = new PinnedFlags(session.flags(), thread);
    this.data = new PinnedStore(session.data(), thread);
  }

  @Override
  public Flags flags() {
    return flags;
  }

  @Override
  public KeyValueStore data() {
    return data;
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
    return new PinnedStore(session.records(owner), thread);
  }

  @Override
  public HookServices services() {
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
    if (thread.isOwner()) {
      session.atExit(callback);
    } else {
      thread.call(() -> {
        session.atExit(callback);
        return null;
      });
    }
  }
}
