package charms.reactive.internal;

import charms.reactive.KeyValueStore;

/** A writable hook made by the framework: its records can be changed, committed with the hook. */
public interface RecordsStore extends RecordsView {

  @Override
  KeyValueStore records(String owner);
}
