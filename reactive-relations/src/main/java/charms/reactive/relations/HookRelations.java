package charms.reactive.relations;

import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.KeyValueStore;
import charms.reactive.RelationRef;
import charms.reactive.juju.HookTools;
import charms.reactive.relations.internal.UnitOrder;
import charms.reactive.spi.FrameworkRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The relations of one hook: the relation objects (one per relation id, shared by endpoints,
 * relation bases and conversations, so every write lands in one bag), the hook-tool reads, and
 * the publishing of every changed bag at the end. Lives for one hook, on its thread.
 */
final class HookRelations {
  /** The owner name of this module's records in the unit state. */
  static final String RECORDS = "relations";

  private final HookContext context;
  private HookTools tools;
  private final Map<RelationRef, Relation> relations = new TreeMap<>(UnitOrder.RELATIONS);
  private final Map<String, List<RelationRef>> ids = new HashMap<>();

  HookRelations(HookContext context) {
    this.context = context;
  }

  HookContext context() {
    return context;
  }

  HookEnvironment environment() {
    return context.environment();
  }

  KeyValueStore records() {
    return FrameworkRecords.of(context, RECORDS);
  }

  HookTools tools() {
    if (tools == null) {
      tools = context.service(HookTools.class);
    }
    return tools;
  }

  /** The relation of this hook, if it is a relation hook. */
  Optional<RelationRef> hookRelation() {
    return environment().relation();
  }

  /** True if this is {@code <name>-relation-<event>}. */
  boolean isRelationHook(String name, String event) {
    return environment().hookName().equals(name + "-relation-" + event);
  }

  /** True if this is one of {@code <name>}'s relation hooks. */
  boolean isOwnRelationHook(String name) {
    return environment().hookName().startsWith(name + "-relation-");
  }

  /**
   * The relations of a relation name, by numeric id. In {@code <name>-relation-broken} the broken
   * relation is left out even if the tool still lists it (Juju 3.x already does).
   */
  List<RelationRef> relationIds(String name) {
    return ids.computeIfAbsent(name, n -> {
      List<RelationRef> refs = new ArrayList<>();
      Optional<RelationRef> broken = isRelationHook(n, "broken") ? hookRelation() : Optional.empty();
      for (RelationRef ref : tools().relationIds(n)) {
        RelationRef named = ref.endpoint() == null ? new RelationRef(n, ref.id()) : ref;
        if (broken.map(b -> b.id() == named.id()).orElse(false)) {
          continue;
        }
        refs.add(named);
      }
      refs.sort(UnitOrder.RELATIONS);
      return List.copyOf(refs);
    });
  }

  /** The one relation object for a relation id. */
  Relation relation(RelationRef ref) {
    return relations.computeIfAbsent(ref, r -> new Relation(this, r));
  }

  /**
   * The remote units in a relation, in unit order. In {@code -relation-departed} the departing
   * unit is left out even if the tool still lists it (Juju already does).
   */
  List<String> units(RelationRef ref) {
    List<String> units = new ArrayList<>(tools().relationUnits(ref));
    Optional<String> departing = departingRemoteUnit(ref);
    departing.ifPresent(units::remove);
    units.sort(UnitOrder.UNITS);
    return List.copyOf(units);
  }

  /** The remote unit departing in this hook, if it is {@code -relation-departed} of {@code ref}. */
  Optional<String> departingRemoteUnit(RelationRef ref) {
    if (!isRelationHook(ref.endpoint(), "departed")
        || !hookRelation().map(h -> h.id() == ref.id()).orElse(false)) {
      return Optional.empty();
    }
    return environment().remoteUnit();
  }

  boolean isLeader() {
    return tools().isLeader();
  }

  String localUnit() {
    return environment().unitName().orElseThrow(() -> new RelationException(
        "JUJU_UNIT_NAME is not set: this unit's relation data cannot be read"));
  }

  String localApp() {
    return environment().appName().orElseThrow(() -> new RelationException(
        "JUJU_UNIT_NAME is not set: this application's relation data cannot be read"));
  }

  /**
   * Publishes every changed bag with one {@code relation-set} per bag, relations in order, unit
   * bag before application bag. Juju applies them only if the hook succeeds.
   */
  void publish() {
    for (Relation relation : relations.values()) {
      relation.publish(tools());
    }
  }
}
