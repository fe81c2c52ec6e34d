package charms.reactive.internal;

import charms.reactive.KeyValueView;

/**
 * A hook made by the framework that can read the framework's records; reached through
 * {@link charms.reactive.spi.FrameworkRecords}, never through the public hook types.
 */
public interface RecordsView {

  /** The records of one owner, read-only. */
  KeyValueView records(String owner);
}
