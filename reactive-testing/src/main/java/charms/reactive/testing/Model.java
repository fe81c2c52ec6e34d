package charms.reactive.testing;

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
 * Several units of several applications, each run by its own {@link Harness}, exchanging relation
 * data the way Juju does: what a hook publishes with {@code relation-set} reaches every remote
 * unit that has joined, which then gets {@code -relation-changed}. A {@link Harness} models one
 * unit's view of Juju; a {@code Model} keeps those views consistent between hooks, so a test can
 * check that two charms (or N units of one) converge.
 *
 * <pre>{@code
 * try (Model model = new Model()) {
 *   model.add(Harness.of(serverDir, server), JujuState.forUnit("pgsql/0").withLeader(true));
 *   model.add(Harness.of(clientDir, client), JujuState.forUnit("web/0").withLeader(true));
 *   model.install();
 *   int rel = model.relate("web", "db", "pgsql", "db");
 *   model.settle(100);
 *   assertEquals(Status.active("ready"), model.unit("web/0").state().unitStatus());
 * }
 * }</pre>
 *
 * <p>Hooks are queued and run one at a time, first in, first out (Juju's own interleaving is not
 * defined; this one is deterministic). A {@code -relation-changed} already queued for the same
 * unit and remote unit is not queued twice (Juju coalesces them); a relation hook queued for a
 * relation the unit no longer has is dropped. A failing hook throws {@link AssertionError} with
 * its outcome and log, as a unit in error state would stop the exchange.
 *
 * <p>What Juju does between hooks is done here: {@link #relate} adds the relation to both sides
 * (this unit's bag pre-filled with Juju's address keys, {@code 10.0.1.<n>} for units of the first
 * application, {@code 10.0.2.<n>} for the second), a unit's published bag is copied into its
 * peers' view before their {@code joined}/{@code changed}, and {@code departed}/{@code broken}
 * remove the unit or the relation after the hook. Peer relations and leadership changes are not
 * modelled. Not thread-safe.
 */
public final class Model implements AutoCloseable {

  /** One unit: its harness (owning the charm) and its current view of the model. */
  public static final class Unit {
    private final String name;
    private final String app;
    private final Harness harness;
    private JujuState state;
    private final List<HookOutcome> outcomes = new ArrayList<>();

    private Unit(String name, Harness harness, JujuState state) {
      this.name = name;
      this.app = name.substring(0, name.indexOf('/'));
      this.harness = harness;
      this.state = state;
    }

    /** The unit's name, {@code app/n}. */
    public String name() {
      return name;
    }

    /** The unit's application. */
    public String app() {
      return app;
    }

    public Harness harness() {
      return harness;
    }

    /** The unit's view of the model after the last hook it ran. */
    public JujuState state() {
      return state;
    }

    /** Every hook this unit ran, in order. */
    public List<HookOutcome> outcomes() {
      return List.copyOf(outcomes);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A relation between two applications. */
  private record Link(int id, String appA, String endpointA, String appB, String endpointB) {
    String endpointOf(String app) {
      return app.equals(appA) ? endpointA : endpointB;
    }

    String otherApp(String app) {
      return app.equals(appA) ? appB : appA;
    }

    boolean involves(String app) {
      return app.equals(appA) || app.equals(appB);
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

  /**
   * Adds a unit in its initial state; the model closes {@code harness} when it is closed.
   *
   * @throws IllegalArgumentException if a unit of that name is already in the model
   */
  public Unit add(Harness harness, JujuState state) {
    Objects.requireNonNull(harness, "harness");
    Unit u = new Unit(state.unitName(), harness, state);
    if (units.putIfAbsent(u.name, u) != null) {
      throw new IllegalArgumentException("unit " + u.name + " added twice");
    }
    return u;
  }

  /** @throws IllegalArgumentException if there is no such unit */
  public Unit unit(String name) {
    Unit u = units.get(name);
    if (u == null) {
      throw new IllegalArgumentException("no unit " + name + " in the model; units: "
          + units.keySet());
    }
    return u;
  }

  /** The units of {@code app}, in the order they were added. */
  public List<Unit> unitsOf(String app) {
    return units.values().stream().filter(u -> u.app.equals(app)).toList();
  }

  /** How many hooks ran so far, install sequences included. */
  public int hooksRun() {
    return hooksRun;
  }

  /**
   * Runs each unit's install sequence ({@link Harness#runInstall}).
   *
   * @throws AssertionError if a unit's install fails
   */
  public void install() {
    for (Unit u : units.values()) {
      SequenceOutcome seq = u.harness.runInstall(u.state);
      hooksRun += seq.hooks().size();
      u.outcomes.addAll(seq.hooks());
      if (!seq.succeeded()) {
        throw new AssertionError(u.name + " failed to install: " + seq.last() + "\n"
            + seq.last().logMessages());
      }
      u.state = seq.finalState();
    }
  }

  /**
   * Relates two applications and queues the hooks Juju runs: every unit gets the relation and
   * {@code -relation-created}, then, pair by pair, each side {@code -relation-joined} and
   * {@code -relation-changed} for the other. Nothing runs until {@link #settle}.
   *
   * @return the new relation's id (the same on both sides)
   */
  public int relate(String appA, String endpointA, String appB, String endpointB) {
    Link link = new Link(nextRelationId++, appA, endpointA, appB, endpointB);
    links.put(link.id(), link);
    for (Unit u : units.values()) {
      if (link.involves(u.app)) {
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

  /**
   * Queues the removal of a relation: every unit departs every remote unit, then the relation
   * breaks on every unit.
   *
   * @throws IllegalArgumentException if no relation has that id
   */
  public void removeRelation(int id) {
    Link link = links.get(id);
    if (link == null) {
      throw new IllegalArgumentException("no relation " + id + " in the model");
    }
    for (Unit a : unitsOf(link.appA())) {
      for (Unit b : unitsOf(link.appB())) {
        enqueue(new Pending(a.name, "departed", id, b.name));
        enqueue(new Pending(b.name, "departed", id, a.name));
      }
    }
    for (Unit u : units.values()) {
      if (link.involves(u.app)) {
        enqueue(new Pending(u.name, "broken", id, null));
      }
    }
  }

  /** Queues {@code hook} (a unit hook such as {@code update-status}) on every unit. */
  public void everyUnit(String hook) {
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
   * Runs queued hooks, and the hooks they cause, until none is left.
   *
   * @return how many hooks ran
   * @throws AssertionError if a hook fails, or more than {@code maxHooks} would run (the units do
   *     not converge)
   */
  public int settle(int maxHooks) {
    int ran = 0;
    while (!queue.isEmpty()) {
      if (ran++ >= maxHooks) {
        throw new AssertionError("no convergence after " + maxHooks + " hooks; next: "
            + queue.peek());
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
      throw new AssertionError(u.name + " failed " + event + ": " + outcome.error().orElse(null)
          + "\n" + outcome.logMessages());
    }
    u.state = outcome.state();
    after.run();
    propagate(u, input);
  }

  private SortedMap<String, String> published(String unit, int relationId) {
    return unit(unit).state.requireRelation(relationId).localUnitData();
  }

  /** Queues {@code -relation-changed} on every remote unit that joined {@code u} for each bag {@code u} changed. */
  private void propagate(Unit u, JujuState before) {
    for (RelationState now : u.state.relations()) {
      SortedMap<String, String> old = before.relation(now.id())
          .map(RelationState::localUnitData).orElse(null);
      if (now.localUnitData().equals(old)) {
        continue;
      }
      Link link = links.get(now.id());
      if (link == null) {
        continue;
      }
      for (Unit remote : unitsOf(link.otherApp(u.app))) {
        boolean joined = remote.state.relation(now.id())
            .map(r -> r.remoteUnits().containsKey(u.name)).orElse(false);
        if (joined) {
          enqueue(new Pending(remote.name, "changed", now.id(), u.name));
        }
      }
    }
  }

  /** Closes every unit's harness. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (Unit u : units.values()) {
      try {
        u.harness.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
