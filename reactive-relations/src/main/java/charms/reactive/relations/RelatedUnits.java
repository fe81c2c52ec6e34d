package charms.reactive.relations;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Remote units, in order (relation id, then unit number), with their data merged: in
 * {@link #received()} each key has the value of the first unit, in that order, that has it. A
 * unit may appear more than once when an endpoint has several relations to one application.
 * Unmodifiable.
 */
public final class RelatedUnits extends AbstractList<RelatedUnit> {
  private final List<RelatedUnit> units;
  private final Bag merged;

  RelatedUnits(String description, List<RelatedUnit> units) {
    this.units = List.copyOf(units);
    this.merged = Bag.readOnly("the merged data of " + description, this::merge);
  }

  private Map<String, String> merge() {
    Map<String, String> all = new TreeMap<>();
    for (RelatedUnit u : units) {
      u.receivedRaw().asMap().forEach(all::putIfAbsent);
    }
    return all;
  }

  @Override
  public RelatedUnit get(int index) {
    return units.get(index);
  }

  @Override
  public int size() {
    return units.size();
  }

  /** The first unit with this name. */
  public Optional<RelatedUnit> unit(String unitName) {
    return units.stream().filter(u -> u.unitName().equals(unitName)).findFirst();
  }

  /** The unit names, in order, possibly with repeats. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    units.forEach(u -> names.add(u.unitName()));
    return names;
  }

  /** Every unit's data merged, first unit wins, with JSON values. */
  public JsonDataView received() {
    return new JsonDataView(receivedRaw());
  }

  /** Every unit's data merged, first unit wins, raw. */
  public RawDataView receivedRaw() {
    return new RawDataView(merged);
  }
}
