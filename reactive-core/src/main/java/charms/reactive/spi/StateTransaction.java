package charms.reactive.spi;

import charms.reactive.Flags;
import charms.reactive.KeyValueStore;
import charms.reactive.internal.UnitState;
import charms.reactive.state.StateDocument;
import charms.reactive.state.StateStore;
import java.util.List;
import java.util.Objects;

/**
 * The unit state opened outside a hook, for a tool that acts on the committed state directly (the
 * bash {@code charms.reactive} command run by an operator or an action): the same flags (with
 * triggers), charm data and framework records a hook works on, and no dispatch.
 *
 * <p>It is a transaction over one {@link StateDocument}: changes stay in memory, and the caller
 * writes {@link #toDocument()} to its {@link StateStore} if {@link #changed()}; dropping the
 * object discards them. Not thread-safe: one tool, one thread.
 */
public final class StateTransaction {
  private final UnitState state;

  private StateTransaction(UnitState state) {
    this.state = state;
  }

  /** Opens a transaction over {@code committed}, with no triggers registered yet. */
  public static StateTransaction of(StateDocument committed) {
    return new StateTransaction(new UnitState(Objects.requireNonNull(committed, "committed"),
        List.of()));
  }

  /** The flags; triggers registered here fire on later transitions within this transaction. */
  public Flags flags() {
    return state.flags();
  }

  /** The charm's key/value data. */
  public KeyValueStore data() {
    return state.data();
  }

  /**
   * The framework's own records of one owner (a module such as {@code bash}), kept apart from the
   * charm's data.
   *
   * @throws IllegalArgumentException if {@code owner} is empty or holds {@code ':'}
   */
  public KeyValueStore records(String owner) {
    return state.records(owner);
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
