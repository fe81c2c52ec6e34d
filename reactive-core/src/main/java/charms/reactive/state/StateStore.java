package charms.reactive.state;

/**
 * Where a unit's state is kept between hooks. One store instance serves one hook: {@link #load}
 * once at the start, {@link #commit} at most once at the end of a successful hook, {@link #close}
 * always.
 *
 * <p>Contract: a commit is atomic: after a crash at any instant, the next load sees either the old
 * or the new document, never a mixture. A store that can be reached by several processes at once
 * (a hook and a {@code juju-run}) holds an exclusive lock from {@link #load} to {@link #close}.
 */
public interface StateStore extends AutoCloseable {

  /**
   * Takes the lock (if any) and reads the committed state.
   *
   * @throws StateFileException naming the file or location if the state is unreadable, corrupt or
   *     of an unknown version, or the lock cannot be taken
   */
  StateDocument load();

  /** Makes {@code document} the committed state, atomically and durably. */
  void commit(StateDocument document);

  /** Releases the lock; the uncommitted changes of the hook are simply dropped. */
  @Override
  void close();

  /** Where the state lives, for messages. */
  String describe();
}
