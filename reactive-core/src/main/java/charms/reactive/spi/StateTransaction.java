package charms.reactive.spi;

import charms.reactive.CharmMetadata;
import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.HookServices;
import charms.reactive.internal.UnitState;
import charms.reactive.internal.dispatch.HookSession;
import charms.reactive.state.StateDocument;
import charms.reactive.state.StateStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The unit state opened outside a hook, for a tool that acts on the committed state directly (the
 * bash {@code charms.reactive} command run by an operator or an action): the same model of a hook
 * the dispatcher gives handlers ({@link #hook()}: flags with triggers, the charm's data, the
 * framework's records), with no dispatch, no services and the log on standard error.
 *
 * <p>It is a transaction over one {@link StateDocument}: changes stay in memory, and the caller
 * writes {@link #toDocument()} to its {@link StateStore} if {@link #changed()}; dropping the
 * object discards them. Not thread-safe: one tool, one thread.
 */
public final class StateTransaction {
  private final UnitState state;
  private final HookSession hook;

  private StateTransaction(UnitState state, HookSession hook) {
    this.state = state;
    this.hook = hook;
  }

  /**
   * Opens a transaction over {@code committed}, with no triggers registered yet.
   *
   * @param environment the environment the tool runs in (its hook name may be empty)
   * @param metadata reads the charm's {@code metadata.yaml}, on first use only
   */
  public static StateTransaction of(StateDocument committed, HookEnvironment environment,
      Supplier<CharmMetadata> metadata) {
    UnitState state = new UnitState(Objects.requireNonNull(committed, "committed"), List.of());
    HookServices none = new HookServices() {
      @Override
      public HookEnvironment environment() {
        return environment;
      }

      @Override
      public <T> T get(Class<T> type) {
        throw new IllegalStateException("no " + type.getName() + " outside a hook");
      }

      @Override
      public boolean has(Class<?> type) {
        return false;
      }
    };
    return new StateTransaction(state, new HookSession(state, environment, HookLog.stderr(), none,
        metadata, List.of()));
  }

  /**
   * The state as a hook: reads and changes go to this transaction. It has no services (asking for
   * one is an {@link IllegalStateException} naming it), and exit callbacks registered on it never
   * run.
   */
  public HookContext hook() {
    return hook;
  }

  /** Whether anything changed since the transaction was opened; an unchanged one need not be written. */
  public boolean changed() {
    return state.isDirty();
  }

  /** The state as it now stands, to commit. */
  public StateDocument toDocument() {
    return state.toDocument();
  }
}
