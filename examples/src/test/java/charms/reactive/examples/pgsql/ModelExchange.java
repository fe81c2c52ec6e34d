package charms.reactive.examples.pgsql;

import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.RelationState;
import charms.reactive.testing.SequenceOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * Several units of several applications, each run by the harness in this JVM, exchanging relation
 * data the way Juju does: what a hook publishes with {@code relation-set} reaches every remote unit
 * that has joined, which then gets {@code -relation-changed}. The harness models one unit's view
 * of Juju; this driver keeps the views consistent between hooks.
 *
 * <p>Hooks are queued and run one at a time, first in, first out (Juju's own interleaving is not
 * defined; this one is deterministic). A {@code -relation-changed} already queued for the same
 * unit and remote unit is not queued twice (Juju coalesces them); a relation hook queued for a
 * relation the unit no longer has is dropped. A failing hook fails the test with its outcome.
 * Not thread-safe.
 */
final class ModelExchange implements AutoCloseable {

  /** One unit: its harness (owning the charm) and its current view of the model. */
  static final class Unit {
    final String name;
    final String app;
    final Harness harness;
    JujuState state;
    final List<HookOutcome> outcomes = new ArrayList<>();

    Unit(String name, Harness harness, JujuState state) {
      this.name = name;
      this.app = name.substring(0, name.indexOf('/'));
      this.harness = harness;
      this.state = state;
    }
  }

  /** A relation between two applications. */
  record Link(int id, String appA, String endpointA, String appB, String endpointB) {
    String endpointOf(String app) {
      return app.equals(appA) ? endpointA : endpointB;
    }

    String otherApp(String app) {
      return app.equals(appA) ? appB : appA;
    }
  }

  /** A hook to run: a relation hook ({@code relationId} > 0) or a unit hook. */
  private record Pending(String unit, String kind, int relationId, String remoteUnit) {
  }

  private final Map<String, Unit> units = new LinkedHashMap<>();
  private final Map<Integer, Link> links = new LinkedHashMap<>();
  private final Deque<Pending> queue = new ArrayDeque<>();
  private final Set<Pending> queued = new LinkedHashSet<>();
  private int nextRelationId = 1;
  private int hooksRun;

  /** Adds a unit (closed with the exchange) in its initial state. */
  Unit add(Harness harness, JujuState state) {
    Unit u = new Unit(state.unitName(), harness, state);
    if (units.putIfAbsent(u.name, u) != null) {
      throw new IllegalArgumentException("unit " + u.name + " added twice");
    }
    return u;
  }

  Unit unit(String name) {
    return Objects.requireNonNull(units.get(name), name);
  }

  List<Unit> unitsOf(String app) {
    return units.values().stream().filter(u -> u.app.equals(app)).toList();
  }

  int hooksRun() {
    return hooksRun;
  }

  /** Runs each unit's install sequence. */
  void install() {
    for (Unit u : units.values()) {
      SequenceOutcome seq = u.harness.runInstall(u.state);
      hooksRun += seq.hooks().size();
      u.outcomes.addAll(seq.hooks());
      if (!seq.succeeded()) {
        throw new AssertionError(u.name + " failed to install: " + seq.last() + "\n" + seq.last().logMessages());
      }
      u.state = seq.finalState();
    }
  }

  /**
   * Relates two applications: every unit gets the relation and {@code -relation-created}, then,
   * pair by pair, each side {@code -relation-joined} and {@code -relation-changed} for the other.
   */
  int relate(String appA, String endpointA, String appB, String endpointB) {
    Link link = new Link(nextRelationId++, appA, endpointA, appB, endpointB);
    links.put(link.id(), link);
    for (Unit u : units.values()) {
      if (u.app.equals(appA) || u.app.equals(appB)) {
        String address = "10.0." + (u.app.equals(appA) ? 1 : 2) + "." + u.state.unitNumber();
        u.state = u.state.withRelation(RelationState.of(link.endpointOf(u.app), link.id(),
            link.otherApp(u.app)).withLocalUnitData(RelationState.jujuUnitData(address)));
        enqueue(new Pending(u.name, "created", link.id(), null));
      }
    }
    for (Unit a : unitsOf(appA)) {
      for (Unit b : unitsOf(appB)) {
        enqueue(new Pending(a.name, "joined", link.id(), b.name));
        enqueue(new Pending(a.name, "changed", link.id(), b.name));
        enqueue(new Pending(b.name, "joined", link.id(), a.name));
        enqueue(new Pending(b.name, "changed", link.id(), a.name));
      }
    }
    return link.id();
  }

  /** Removes a relation: every unit departs every remote unit, then the relation breaks. */
  void removeRelation(int id) {
    Link link = links.get(id);
    for (Unit a : unitsOf(link.appA())) {
      for (Unit b : unitsOf(link.appB())) {
        enqueue(new Pending(a.name, "departed", id, b.name));
        enqueue(new Pending(b.name, "departed", id, a.name));
      }
    }
    for (Unit u : units.values()) {
      if (u.app.equals(link.appA()) || u.app.equals(link.appB())) {
        enqueue(new Pending(u.name, "broken", id, null));
      }
    }
  }

  /** Queues {@code hook} (a unit hook such as update-status) on every unit. */
  void everyUnit(String hook) {
    for (Unit u : units.values()) {
      enqueue(new Pending(u.name, hook, 0, null));
    }
  }

  private void enqueue(Pending p) {
    if (p.kind().equals("changed") && queued.contains(p)) {
      return;
    }
    queue.add(p);
    queued.add(p);
  }

  /**
   * Runs queued hooks until none is left; returns how many ran.
   *
   * @throws AssertionError if a hook fails or more than {@code maxHooks} run (no convergence)
   */
  int settle(int maxHooks) {
    int ran = 0;
    while (!queue.isEmpty()) {
      if (ran++ >= maxHooks) {
        throw new AssertionError("no convergence after " + maxHooks + " hooks; next: " + queue.peek());
      }
      Pending p = queue.poll();
      queued.remove(p);
      run(p);
    }
    return ran;
  }

  private void run(Pending p) {
    Unit u = unit(p.unit());
    JujuState before = u.state;
    HookEvent event;
    JujuState input = before;
    Runnable after = () -> { };
    if (p.relationId() != 0 && before.relation(p.relationId()).isEmpty()) {
      return;
    }
    switch (p.kind()) {
      case "created" -> event = HookEvent.relationCreated(before.requireRelation(p.relationId()));
      case "joined", "changed" -> {
        RelationState rel = before.requireRelation(p.relationId());
        if (p.kind().equals("changed") && !rel.remoteUnits().containsKey(p.remoteUnit())) {
          return;
        }
        rel = rel.withRemoteUnit(p.remoteUnit(), published(p.remoteUnit(), p.relationId()));
        input = before.withRelation(rel);
        event = p.kind().equals("joined") ? HookEvent.relationJoined(rel, p.remoteUnit())
            : HookEvent.relationChanged(rel, p.remoteUnit());
      }
      case "departed" -> {
        RelationState rel = before.requireRelation(p.relationId());
        if (!rel.remoteUnits().containsKey(p.remoteUnit())) {
          return;
        }
        event = HookEvent.relationDeparted(rel, p.remoteUnit());
        after = () -> u.state = u.state.withRelation(
            u.state.requireRelation(p.relationId()).withoutRemoteUnit(p.remoteUnit()));
      }
      case "broken" -> {
        event = HookEvent.relationBroken(before.requireRelation(p.relationId()));
        after = () -> u.state = u.state.withoutRelation(p.relationId());
      }
      default -> event = HookEvent.unit(p.kind());
    }
    HookOutcome outcome = u.harness.run(event, input);
    hooksRun++;
    u.outcomes.add(outcome);
    if (!outcome.succeeded()) {
      throw new AssertionError(u.name + " failed " + event + ": " + outcome.error() + "\n"
          + outcome.logMessages());
    }
    u.state = outcome.state();
    after.run();
    propagate(u, input);
  }

  private SortedMap<String, String> published(String unit, int relationId) {
    return unit(unit).state.requireRelation(relationId).localUnitData();
  }

  /** Tells every remote unit that has joined {@code u} about each bag {@code u} changed. */
  private void propagate(Unit u, JujuState before) {
    for (RelationState now : u.state.relations()) {
      SortedMap<String, String> old = before.relation(now.id()).map(RelationState::localUnitData)
          .orElse(null);
      if (now.localUnitData().equals(old)) {
        continue;
      }
      Link link = links.get(now.id());
      for (Unit remote : unitsOf(link.otherApp(u.app))) {
        boolean joined = remote.state.relation(now.id())
            .map(r -> r.remoteUnits().containsKey(u.name)).orElse(false);
        if (joined) {
          enqueue(new Pending(remote.name, "changed", now.id(), u.name));
        }
      }
    }
  }

  @Override
  public void close() {
    for (Unit u : units.values()) {
      u.harness.close();
    }
  }
}
