package charms.reactive.internal.dispatch;

import charms.reactive.HookView;
import charms.reactive.Phase;
import charms.reactive.internal.ConditionView;
import charms.reactive.internal.FlagSnapshot;
import charms.reactive.internal.ReadOnlyHook;
import java.util.Collection;

/**
 * What conditions read in the pass being dispatched; every handler's
 * {@link charms.reactive.ConditionContext} reads through it. While the pass is queued
 * ({@link #queueing}) the flags are the pass's immutable snapshot, the one its
 * {@link charms.reactive.StateSnapshot} carries; while the queued handlers run ({@link #running}),
 * re-tests read the flags as they are. Everything else (data, records, environment) is read from
 * the hook as it is, read-only in both. One per hook, on the hook's thread.
 */
final class PassView implements ConditionView.Pass {
  private final HookSession session;
  private final FlagWatch watch;
  private final HookView live;
  private Phase phase = Phase.OTHER;
  private HookView current;

  PassView(HookSession session, FlagWatch watch) {
    this.session = session;
    this.watch = watch;
    this.live = ReadOnlyHook.withFlags(session, session.flags());
    this.current = live;
  }

  /** The pass starts: conditions read {@code snapshot} until {@link #running}. */
  void queueing(Phase phase, FlagSnapshot snapshot) {
    this.phase = phase;
    this.current = ReadOnlyHook.withFlags(session, snapshot);
  }

  /** The queue is fixed: re-tests read the current flags. */
  void running() {
    this.current = live;
  }

  @Override
  public Phase phase() {
    return phase;
  }

  @Override
  public HookView hook() {
    return current;
  }

  @Override
  public boolean watched(Collection<String> flags) {
    return phase != Phase.OTHER || watch.watches(flags);
  }

  @Override
  public charms.reactive.HookFacts facts() {
    return session.service(charms.reactive.HookFacts.class);
  }

  @Override
  public com.fasterxml.jackson.databind.JsonNode input(String spec, String handlerId) {
    return session.service(charms.reactive.internal.stable.InputReaders.class)
        .read(session, charms.reactive.internal.stable.InputSpec.parse(spec, handlerId), handlerId);
  }
}
