package charms.reactive.relations;

import charms.reactive.relations.internal.UnitOrder;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A remote unit that left one of an endpoint's relations, with the data it had published when it
 * left (Juju keeps it readable during {@code -relation-departed}).
 *
 * @param relationId the relation it left, such as {@code db:3}
 * @param unitName the unit, such as {@code mysql/1}
 * @param data its raw data at departure
 */
public record DepartedUnit(String relationId, String unitName, SortedMap<String, String> data) {

  public DepartedUnit {
    Objects.requireNonNull(relationId, "relationId");
    Objects.requireNonNull(unitName, "unitName");
    data = Collections.unmodifiableSortedMap(new TreeMap<>(data));
  }

  public String applicationName() {
    return UnitOrder.application(unitName);
  }

  /** The departed unit's data with JSON values, read-only. */
  public JsonDataView received() {
    return new JsonDataView(new RawDataView(Bag.readOnly("departed unit " + unitName
        + "'s data on " + relationId, () -> data)));
  }
}
