package charms.reactive.internal;

import charms.reactive.KeyValueStore;
import charms.reactive.Trigger;
import charms.reactive.state.StateDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeMap;

/**
 * The hook's transaction: a mutable copy of the committed {@link StateDocument}. Everything a hook
 * changes (flags, charm data, framework records) changes here, and {@link #toDocument()} is what
 * the commit writes. Dropping the object is the rollback.
 */
public final class UnitState {
  private final StateDocument committed;
  private final TreeMap<String, JsonNode> flagMap;
  private final TreeMap<String, JsonNode> dataMap;
  private final TreeMap<String, JsonNode> frameworkMap;
  private final FlagTable flags;
  private final DataTable data;
  private boolean dirty;

  public UnitState(StateDocument committed, List<Trigger> triggers) {
    this.committed = committed;
    this.flagMap = new TreeMap<>(committed.flags());
    this.dataMap = new TreeMap<>(committed.data());
    this.frameworkMap = new TreeMap<>(committed.framework());
    this.flags = new FlagTable(flagMap, triggers, this);
    this.data = new DataTable(dataMap, "", this);
  }

  public FlagTable flags() {
    return flags;
  }

  public KeyValueStore data() {
    return data;
  }

  /** The framework's records of one owner, stored under {@code owner:key}. */
  public KeyValueStore records(String owner) {
    if (owner == null || owner.isEmpty() || owner.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a record owner must be non-empty and free of ':', was '"
          + owner + "'");
    }
    return new DataTable(frameworkMap, owner + ":", this);
  }

  void markDirty() {
    dirty = true;
  }

  /**
   * True if the state differs from the one loaded; a clean hook need not write. A flag cleared
   * and set again (as the leadership and config sources do in every hook), or a record rewritten
   * with the value it had, is no change.
   */
  public boolean isDirty() {
    return dirty && !(flagMap.equals(committed.flags()) && dataMap.equals(committed.data())
        && frameworkMap.equals(committed.framework()));
  }

  public StateDocument toDocument() {
    return new StateDocument(flagMap, dataMap, frameworkMap);
  }
}
