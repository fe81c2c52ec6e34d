package charms.reactive.relations;

import charms.reactive.relations.internal.UnitOrder;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A remote unit in a relation, with the data it published there (read-only, a per-hook
 * snapshot, loaded with one {@code relation-get} on first use).
 */
public final class RelatedUnit {
  private final Relation relation;
  private final String unitName;
  private final Bag bag;

  RelatedUnit(Relation relation, String unitName, Supplier<Map<String, String>> loader) {
    this.relation = relation;
    this.unitName = unitName;
    this.bag = Bag.readOnly("unit " + unitName + "'s data on " + relation.relationId(), loader);
  }

  public Relation relation() {
    return relation;
  }

  /** The unit's name, such as {@code mysql/0}. */
  public String unitName() {
    return unitName;
  }

  /** The unit's application, such as {@code mysql}. */
  public String applicationName() {
    return UnitOrder.application(unitName);
  }

  /** The unit's data with JSON values (see {@link JsonDataView}). */
  public JsonDataView received() {
    return new JsonDataView(receivedRaw());
  }

  /** The unit's data as Juju stores it. */
  public RawDataView receivedRaw() {
    return new RawDataView(bag);
  }

  @Override
  public String toString() {
    return unitName + "@" + relation.relationId();
  }
}
