package charms.reactive.relations;

import charms.reactive.KeyValueStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The units that departed an endpoint's relations, oldest first, kept in the unit state until the
 * charm removes them (the original's {@code all_departed_units}). The framework appends a unit in
 * its {@code -relation-departed} hook (once per relation and unit: a unit that departs again
 * replaces its entry). Every removal is written to the unit state at once, inside the hook's
 * transaction, and {@link #remove(int)} returns the removed unit (the original's {@code pop} returned None).
 * Adding is the framework's job: {@code add} and {@code set} are not supported.
 */
public final class DepartedUnits extends AbstractList<DepartedUnit> {
  private final KeyValueStore records;
  private final String key;
  private final List<DepartedUnit> units;

  DepartedUnits(KeyValueStore records, String key) {
    this.records = records;
    this.key = key;
    this.units = new ArrayList<>();
    records.get(key).ifPresent(this::decode);
  }

  private void decode(JsonNode node) {
    for (JsonNode item : node) {
      TreeMap<String, String> data = new TreeMap<>();
      item.path("data").properties().forEach(e -> data.put(e.getKey(), e.getValue().asText()));
      units.add(new DepartedUnit(item.path("relation").asText(), item.path("unit_name").asText(), data));
    }
  }

  @Override
  public DepartedUnit get(int index) {
    return units.get(index);
  }

  @Override
  public int size() {
    return units.size();
  }

  /** Removes and returns the unit at {@code index}; persisted at once. */
  @Override
  public DepartedUnit remove(int index) {
    DepartedUnit removed = units.remove(index);
    modCount++;
    persist();
    return removed;
  }

  /** Removes and returns the entry for a unit in a relation, if there is one; persisted at once. */
  public Optional<DepartedUnit> remove(String relationId, String unitName) {
    for (int i = 0; i < units.size(); i++) {
      DepartedUnit u = units.get(i);
      if (u.relationId().equals(relationId) && u.unitName().equals(unitName)) {
        return Optional.of(remove(i));
      }
    }
    return Optional.empty();
  }

  /** Forgets every departed unit; persisted at once. */
  @Override
  public void clear() {
    if (!units.isEmpty()) {
      units.clear();
      modCount++;
      persist();
    }
  }

  /** Records a departure (framework use). */
  void record(DepartedUnit unit) {
    units.removeIf(u -> u.relationId().equals(unit.relationId()) && u.unitName().equals(unit.unitName()));
    units.add(unit);
    modCount++;
    persist();
  }

  private void persist() {
    if (units.isEmpty()) {
      records.unset(key);
      return;
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (DepartedUnit u : units) {
      ObjectNode item = array.addObject();
      item.put("relation", u.relationId());
      item.put("unit_name", u.unitName());
      ObjectNode data = item.putObject("data");
      u.data().forEach(data::put);
    }
    records.set(key, array);
  }
}
