package charms.reactive.testing.internal;

import charms.reactive.testing.RelationState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One relation during one hook: the snapshot taken when the hook started (remote data is read
 * from it, as from Juju's per-hook relation cache) and this unit's and application's bags with
 * the hook's pending {@code relation-set} writes, committed only if the hook succeeds. Not
 * thread-safe; guarded by the owning {@link UnitContext}.
 */
public final class RelationContext {
  /** Orders unit names by application, then numerically by unit number. */
  public static final Comparator<String> UNIT_ORDER = Comparator
      .comparing((String u) -> u.contains("/") ? u.substring(0, u.indexOf('/')) : u)
      .thenComparingLong(u -> {
        try {
          return Long.parseLong(u.substring(u.indexOf('/') + 1));
        } catch (NumberFormatException e) {
          return Long.MAX_VALUE;
        }
      }).thenComparing(Comparator.naturalOrder());

  private final RelationState snapshot;
  private final boolean peer;
  private final String remoteApp;
  private final String departingUnit;
  private final TreeMap<String, String> unitBag;
  private final TreeMap<String, String> appBag;

  /**
   * @param departingUnit the unit leaving in this hook's {@code -relation-departed} of this
   *     relation (already gone from the member list), or null
   */
  RelationContext(RelationState snapshot, boolean peer, String ownApp, String departingUnit) {
    this.snapshot = snapshot;
    this.peer = peer;
    this.remoteApp = peer ? ownApp : snapshot.remoteApp();
    this.departingUnit = departingUnit;
    this.unitBag = new TreeMap<>(snapshot.localUnitData());
    this.appBag = new TreeMap<>(snapshot.localAppData());
  }

  public int id() {
    return snapshot.id();
  }

  public String endpoint() {
    return snapshot.endpoint();
  }

  /** {@code endpoint:id}. */
  public String ref() {
    return snapshot.ref();
  }

  public boolean isPeer() {
    return peer;
  }

  /** The remote application; this application for a peer relation. */
  public String remoteApp() {
    return remoteApp;
  }

  /** The remote units in scope, without a unit departing in this hook, in unit order. */
  public List<String> unitNames() {
    List<String> names = new ArrayList<>(snapshot.remoteUnits().keySet());
    names.remove(departingUnit);
    names.sort(UNIT_ORDER);
    return names;
  }

  /** A remote unit's bag from the snapshot, or null if the unit was never in the relation. */
  public SortedMap<String, String> remoteUnitData(String unit) {
    return snapshot.remoteUnits().get(unit);
  }

  /** The remote application's bag from the snapshot. */
  public SortedMap<String, String> remoteAppData() {
    return snapshot.remoteAppData();
  }

  /** This application's bag as the controller has it (without this hook's writes). */
  public SortedMap<String, String> committedAppData() {
    return snapshot.localAppData();
  }

  /** This unit's bag including this hook's writes. */
  public SortedMap<String, String> unitBag() {
    return Collections.unmodifiableSortedMap(unitBag);
  }

  /** This application's bag including this hook's writes (leader's view). */
  public SortedMap<String, String> appBag() {
    return Collections.unmodifiableSortedMap(appBag);
  }

  /** Applies writes to this unit's bag (or the app bag): an empty value deletes the key. */
  void write(boolean app, java.util.Map<String, String> settings) {
    TreeMap<String, String> bag = app ? appBag : unitBag;
    settings.forEach((k, v) -> {
      if (v.isEmpty()) {
        bag.remove(k);
      } else {
        bag.put(k, v);
      }
    });
  }

  /** The relation with this hook's writes applied. */
  RelationState committed() {
    return snapshot.withLocalUnitData(unitBag).withLocalAppData(appBag);
  }
}
