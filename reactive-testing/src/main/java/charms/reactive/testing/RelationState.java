package charms.reactive.testing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One relation of the unit, as Juju holds it: the endpoint and id, the remote application and its
 * units in scope with their data bags, and this side's unit and application bags. Immutable; the
 * {@code with...} methods return changed copies.
 *
 * <p>For a peer relation the remote units are the <em>other</em> units of this application, the
 * remote application is this application ({@code remoteApp} may be left null) and the one
 * application bag is {@link #localAppData()}.
 *
 * @param endpoint the endpoint name in {@code metadata.yaml}
 * @param id the relation id, unique in the model
 * @param interfaceName the interface, or null to take it from {@code metadata.yaml}
 * @param remoteApp the remote application, or null for a peer relation
 * @param remoteUnits remote unit name to its data bag, for the units in scope
 * @param remoteAppData the remote application's bag (written by the remote leader)
 * @param localUnitData this unit's bag
 * @param localAppData this application's bag (written by this application's leader)
 */
public record RelationState(String endpoint, int id, String interfaceName, String remoteApp,
    SortedMap<String, SortedMap<String, String>> remoteUnits,
    SortedMap<String, String> remoteAppData, SortedMap<String, String> localUnitData,
    SortedMap<String, String> localAppData) {

  public RelationState {
    Objects.requireNonNull(endpoint, "endpoint");
    if (id < 0) {
      throw new IllegalArgumentException("relation " + endpoint + ": id must be >= 0, was " + id);
    }
    TreeMap<String, SortedMap<String, String>> units = new TreeMap<>();
    remoteUnits.forEach((unit, bag) -> units.put(Objects.requireNonNull(unit, "unit name"),
        bag(bag, "unit " + unit)));
    remoteUnits = Collections.unmodifiableSortedMap(units);
    remoteAppData = bag(remoteAppData, "remote app bag");
    localUnitData = bag(localUnitData, "local unit bag");
    localAppData = bag(localAppData, "local app bag");
  }

  private static SortedMap<String, String> bag(Map<String, String> data, String what) {
    TreeMap<String, String> copy = new TreeMap<>();
    data.forEach((k, v) -> {
      if (k == null || v == null) {
        throw new IllegalArgumentException("relation data (" + what
            + ") holds a null key or value");
      }
      copy.put(k, v);
    });
    return Collections.unmodifiableSortedMap(copy);
  }

  /**
   * The keys Juju itself puts in every unit bag of a relation ({@code ingress-address},
   * {@code egress-subnets}, {@code private-address}), for an address.
   */
  public static SortedMap<String, String> jujuUnitData(String address) {
    TreeMap<String, String> bag = new TreeMap<>();
    bag.put("egress-subnets", address + "/32");
    bag.put("ingress-address", address);
    bag.put("private-address", address);
    return Collections.unmodifiableSortedMap(bag);
  }

  /**
   * A relation with a remote application and no units in scope yet; this unit's bag holds Juju's
   * own keys at {@link Network#DEFAULT_ADDRESS}.
   */
  public static RelationState of(String endpoint, int id, String remoteApp) {
    return new RelationState(endpoint, id, null, Objects.requireNonNull(remoteApp, "remoteApp"),
        new TreeMap<>(), new TreeMap<>(), jujuUnitData(Network.DEFAULT_ADDRESS), new TreeMap<>());
  }

  /** A peer relation with no other peers yet. */
  public static RelationState peer(String endpoint, int id) {
    return new RelationState(endpoint, id, null, null, new TreeMap<>(), new TreeMap<>(),
        jujuUnitData(Network.DEFAULT_ADDRESS), new TreeMap<>());
  }

  public RelationState withInterface(String name) {
    return new RelationState(endpoint, id, name, remoteApp, remoteUnits, remoteAppData,
        localUnitData, localAppData);
  }

  /** Adds (or replaces) a remote unit in scope with exactly this data bag. */
  public RelationState withRemoteUnit(String unitName, Map<String, String> data) {
    TreeMap<String, SortedMap<String, String>> units = new TreeMap<>(remoteUnits);
    units.put(unitName, new TreeMap<>(data));
    return new RelationState(endpoint, id, interfaceName, remoteApp, units, remoteAppData,
        localUnitData, localAppData);
  }

  /** Adds a remote unit in scope whose bag holds only Juju's own keys. */
  public RelationState withRemoteUnit(String unitName) {
    return withRemoteUnit(unitName, jujuUnitData(Network.DEFAULT_ADDRESS));
  }

  /** Adds remote units {@code <remoteApp>/0 .. /count-1} with Juju's own keys. */
  public RelationState withRemoteUnits(int count) {
    if (remoteApp == null) {
      throw new IllegalStateException("relation " + endpoint + ":" + id
          + " is a peer relation: name the peer units with withRemoteUnit(\"app/1\")");
    }
    RelationState r = this;
    for (int i = 0; i < count; i++) {
      r = r.withRemoteUnit(remoteApp + "/" + i);
    }
    return r;
  }

  /** Removes a remote unit from scope. */
  public RelationState withoutRemoteUnit(String unitName) {
    TreeMap<String, SortedMap<String, String>> units = new TreeMap<>(remoteUnits);
    units.remove(unitName);
    return new RelationState(endpoint, id, interfaceName, remoteApp, units, remoteAppData,
        localUnitData, localAppData);
  }

  /** Merges {@code data} into a remote unit's bag (adding the unit with Juju's keys if absent). */
  public RelationState withRemoteUnitData(String unitName, Map<String, String> data) {
    TreeMap<String, String> bag = new TreeMap<>(remoteUnits.getOrDefault(unitName,
        jujuUnitData(Network.DEFAULT_ADDRESS)));
    bag.putAll(data);
    return withRemoteUnit(unitName, bag);
  }

  public RelationState withRemoteAppData(Map<String, String> data) {
    return new RelationState(endpoint, id, interfaceName, remoteApp, remoteUnits,
        new TreeMap<>(data),
        localUnitData, localAppData);
  }

  public RelationState withLocalUnitData(Map<String, String> data) {
    return new RelationState(endpoint, id, interfaceName, remoteApp, remoteUnits, remoteAppData,
        new TreeMap<>(data), localAppData);
  }

  public RelationState withLocalAppData(Map<String, String> data) {
    return new RelationState(endpoint, id, interfaceName, remoteApp, remoteUnits, remoteAppData,
        localUnitData, new TreeMap<>(data));
  }

  /** The remote units in scope, sorted. */
  public List<String> remoteUnitNames() {
    return List.copyOf(remoteUnits.keySet());
  }

  /** A remote unit's bag, or an empty map if the unit is not in scope. */
  public SortedMap<String, String> remoteUnitData(String unitName) {
    return remoteUnits.getOrDefault(unitName, Collections.emptySortedMap());
  }

  /** {@code endpoint:id}, as Juju writes a relation id. */
  public String ref() {
    return endpoint + ":" + id;
  }

  @Override
  public String toString() {
    return "RelationState[" + ref() + (remoteApp == null ? " (peer)" : " with " + remoteApp)
        + ", units " + remoteUnits.keySet() + "]";
  }
}
