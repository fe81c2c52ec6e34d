package charms.reactive.relations;

import charms.reactive.RelationRef;
import charms.reactive.juju.HookToolException;
import charms.reactive.juju.HookTools;
import charms.reactive.relations.internal.UnitOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One relation (one relation id) of an endpoint: its remote units and the data bags of both
 * sides. Made by the framework, one object per relation id per hook, so that every part of the
 * charm writing to it writes the same bags.
 *
 * <p>The views load lazily with one hook-tool call each; remote data is a per-hook snapshot (as in
 * Juju), this unit's bags hold this hook's writes, which are published once, at the end of a
 * successful hook, with one {@code relation-set} per changed bag. Not thread-safe.
 */
public final class Relation {
  private final HookRelations hook;
  private final RelationRef ref;
  private RelatedUnits joined;
  private Bag unitBag;
  private Bag appBag;
  private Bag remoteAppBag;
  private Optional<String> application;

  Relation(HookRelations hook, RelationRef ref) {
    this.hook = hook;
    this.ref = ref;
  }

  /** The relation as Juju names it. */
  public RelationRef ref() {
    return ref;
  }

  /** {@code endpoint:id}, such as {@code db:3}. */
  public String relationId() {
    return ref.toString();
  }

  /** The numeric id. */
  public int id() {
    return ref.id();
  }

  /** The relation (endpoint) name. */
  public String endpointName() {
    return ref.endpoint();
  }

  /** Whether this is a peer relation (in metadata.yaml's {@code peers}). */
  public boolean isPeer() {
    return hook.context().metadata().roleOf(ref.endpoint()).map("peers"::equals).orElse(false);
  }

  /**
   * The remote application: {@code JUJU_REMOTE_APP} in this relation's own hooks, else the
   * application of the first joined unit, else this application for a peer relation, else what
   * {@code relation-list --app} says. Never this application for a provides/requires relation
   * without units (the original fell back to the local application); empty if Juju does not say.
   */
  public Optional<String> applicationName() {
    if (application == null) {
      application = resolveApplication();
    }
    return application;
  }

  private Optional<String> resolveApplication() {
    if (hook.hookRelation().map(h -> h.id() == ref.id()).orElse(false)) {
      Optional<String> remote = hook.environment().remoteApp();
      if (remote.isPresent()) {
        return remote;
      }
    }
    if (!joinedUnits().isEmpty()) {
      return Optional.of(joinedUnits().get(0).applicationName());
    }
    if (isPeer()) {
      return Optional.of(hook.localApp());
    }
    try {
      return Optional.ofNullable(hook.tools().relationApp(ref)).filter(a -> !a.isEmpty());
    } catch (HookToolException e) {
      return Optional.empty();
    }
  }

  /** The remote units in the relation, in unit order (numeric: {@code app/2} before {@code app/10}). */
  public RelatedUnits joinedUnits() {
    if (joined == null) {
      List<RelatedUnit> units = new ArrayList<>();
      for (String name : hook.units(ref)) {
        units.add(new RelatedUnit(this, name, unitDataLoader(name)));
      }
      joined = new RelatedUnits("the units of " + ref, units);
    }
    return joined;
  }

  /** Same as {@link #joinedUnits()}. */
  public RelatedUnits units() {
    return joinedUnits();
  }

  java.util.function.Supplier<Map<String, String>> unitDataLoader(String unit) {
    return () -> hook.tools().relationGet(ref, unit);
  }

  /** This unit's data in the relation, with JSON values; published at the end of the hook. */
  public JsonDataView toPublish() {
    return new JsonDataView(toPublishRaw());
  }

  /** This unit's data in the relation, raw. */
  public RawDataView toPublishRaw() {
    if (unitBag == null) {
      String unit = hook.localUnit();
      unitBag = new Bag("unit " + unit + "'s data on " + ref,
          () -> hook.tools().relationGet(ref, unit), () -> { });
    }
    return new RawDataView(unitBag);
  }

  /**
   * This application's data in the relation, with JSON values. Only the leader may write it, and
   * on a provides/requires relation only the leader may read it ({@link LeaderOnlyException}).
   */
  public JsonDataView toPublishApp() {
    return new JsonDataView(toPublishAppRaw());
  }

  /** This application's data in the relation, raw; see {@link #toPublishApp()}. */
  public RawDataView toPublishAppRaw() {
    return new RawDataView(appBag());
  }

  private Bag appBag() {
    if (appBag == null) {
      String app = hook.localApp();
      String what = "application " + app + "'s data on " + ref;
      appBag = new Bag(what, () -> {
        if (!isPeer() && !hook.isLeader()) {
          throw new LeaderOnlyException("unit " + hook.localUnit() + " cannot read " + what
              + ": it is not the leader, and Juju lets only the leader read its application's bag "
              + "in a provides/requires relation");
        }
        return hook.tools().relationGetApp(ref, app);
      }, () -> {
        if (!hook.isLeader()) {
          throw new LeaderOnlyException("unit " + hook.localUnit() + " cannot write " + what
              + " (to_publish_app): only the leader may write its application's data bag");
        }
      });
    }
    return appBag;
  }

  /**
   * The remote application's data (for a peer relation: this application's data, which every
   * peer may read), with JSON values; read-only.
   */
  public JsonDataView receivedApp() {
    return new JsonDataView(receivedAppRaw());
  }

  /** The remote application's data, raw; read-only. */
  public RawDataView receivedAppRaw() {
    if (isPeer()) {
      return new RawDataView(Bag.readOnly("application " + hook.localApp() + "'s data on " + ref,
          () -> appBag().data()));
    }
    if (remoteAppBag == null) {
      remoteAppBag = Bag.readOnly("the remote application's data on " + ref, () -> {
        Optional<String> app = applicationName();
        return app.isEmpty() ? Map.of() : hook.tools().relationGetApp(ref, app.get());
      });
    }
    return new RawDataView(remoteAppBag);
  }

  void publish(HookTools tools) {
    publish(tools, unitBag, false);
    publish(tools, appBag, true);
  }

  private void publish(HookTools tools, Bag bag, boolean app) {
    if (bag == null) {
      return;
    }
    SortedMap<String, String> changes = bag.changes();
    if (!changes.isEmpty()) {
      tools.relationSet(ref, changes, app);
      bag.published();
    }
  }

  @Override
  public String toString() {
    return "Relation[" + ref + "]";
  }

  static String application(String unit) {
    return UnitOrder.application(unit);
  }
}
