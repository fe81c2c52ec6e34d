package charms.reactive.state;

import charms.reactive.spi.StateCodec;

/**
 * The unit state kept in memory, encoded exactly as the file store encodes it, for tests and the
 * harness. One instance stands for one unit: give the same instance to every hook of that unit.
 * Not locked: one hook at a time.
 */
public final class MemoryStateStore implements StateStore {
  private byte[] committed;
  private int commits;

  @Override
  public StateDocument load() {
    return committed == null ? StateDocument.empty() : StateCodec.decode(committed, describe());
  }

  @Override
  public void commit(StateDocument document) {
    committed = StateCodec.encode(document);
    commits++;
  }

  @Override
  public void close() {
  }

  /** The committed bytes, or null if nothing was ever committed. */
  public byte[] committedBytes() {
    return committed == null ? null : committed.clone();
  }

  /** The committed state. */
  public StateDocument committed() {
    return load();
  }

  /** How many commits were made. */
  public int commits() {
    return commits;
  }

  @Override
  public String describe() {
    return "in-memory unit state";
  }
}
