package charms.reactive.testing;

import static charms.reactive.testing.DemoCharm.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.ReactiveCharm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Model}: a client application of N units and a server, each unit a harness, exchanging
 * relation data until they converge; departure and breakage; the hook cap; a failing hook.
 */
class ModelTest {
  @TempDir
  Path dir;
  Path clientDir;
  Path serverDir;

  @BeforeEach
  void charms() throws IOException {
    clientDir = Files.createDirectories(dir.resolve("client"));
    serverDir = Files.createDirectories(dir.resolve("server"));
    Files.writeString(clientDir.resolve("metadata.yaml"),
        "name: client\nrequires:\n  db: {interface: kv}\n");
    Files.writeString(serverDir.resolve("metadata.yaml"),
        "name: server\nprovides:\n  clients: {interface: kv}\n");
  }

  /** Asks for access when joined; ready once the remote unit granted it; forgets on broken. */
  static ReactiveCharm client() {
    return ReactiveCharm.builder().handler(
        Handler.named("ask").hook("db-relation-joined")
            .invoke(ctx -> call(ctx, "relation-set", "want=yes")),
        Handler.named("granted").hook("db-relation-changed").invoke(ctx -> {
          String self = ctx.environment().get("JUJU_UNIT_NAME").orElseThrow();
          String granted = call(ctx, "relation-get", "granted." + self.replace('/', '-')).trim();
          if (!granted.isEmpty()) {
            ctx.flags().set("client.ready", granted);
          }
        }),
        Handler.named("gone").hook("db-relation-broken")
            .invoke(ctx -> ctx.flags().clear("client.ready"))).build();
  }

  /** Grants every unit that asks, under a key of its own naming the unit. */
  static ReactiveCharm server() {
    return ReactiveCharm.builder().handler(
        Handler.named("grant").hook("clients-relation-changed").invoke(ctx -> {
          if (call(ctx, "relation-get", "want").trim().equals("yes")) {
            String unit = ctx.environment().get("JUJU_REMOTE_UNIT").orElseThrow();
            call(ctx, "relation-set", "granted." + unit.replace('/', '-') + "=" + unit);
          }
        })).build();
  }

  Model model(int clients) {
    Model model = new Model();
    model.add(Harness.of(serverDir, server()), JujuState.forUnit("server/0").withLeader(true));
    for (int i = 0; i < clients; i++) {
      model.add(Harness.of(clientDir, client()), JujuState.forUnit("client/" + i)
          .withLeader(i == 0));
    }
    return model;
  }

  @Test
  void publishedDataReachesJoinedUnitsUntilTheyConverge() {
    try (Model model = model(2)) {
      model.install();
      assertEquals(3 * 4, model.hooksRun(), "install, leader-*, config-changed, start per unit");
      int rel = model.relate("client", "db", "server", "clients");
      assertEquals(1, rel);
      int ran = model.settle(100);
      // created x3, joined+changed both ways per pair (8), then the server's grant reaches each
      // client as one more changed (2); the clients' asks were already published when the
      // server's first changed ran, so no further hook follows.
      assertEquals(3 + 8 + 2, ran);

      Model.Unit server = model.unit("server/0");
      assertEquals("yes", server.state().requireRelation(rel).remoteUnitData("client/1")
          .get("want"), "the server's view holds what client/1 published");
      for (Model.Unit c : model.unitsOf("client")) {
        assertEquals("10.0.1." + c.state().unitNumber(),
            c.state().requireRelation(rel).localUnitData().get("ingress-address"));
        assertEquals(c.name(), c.state().unitState().flags().get("client.ready").asText(),
            "the grant naming " + c.name() + " reached it");
      }
      assertEquals("10.0.2.0", model.unit("client/0").state().requireRelation(rel)
          .remoteUnitData("server/0").get("ingress-address"));

      model.everyUnit("update-status");
      assertEquals(3, model.settle(3), "converged: nothing more is published");

      model.removeRelation(rel);
      assertEquals(2 * 2 + 3, model.settle(20), "departed both ways per pair, broken everywhere");
      for (Model.Unit c : model.unitsOf("client")) {
        assertFalse(c.state().hasFlag("client.ready"), c.name());
        assertTrue(c.state().relation(rel).isEmpty(), "the broken relation is gone after the hook");
        assertEquals("db-relation-broken", c.outcomes().get(c.outcomes().size() - 1).event()
            .hookName());
      }
      assertTrue(server.state().relations().isEmpty());
    }
  }

  /** Publishes something new on every change it hears of. */
  static ReactiveCharm chatty(String endpoint) {
    return ReactiveCharm.builder().handler(Handler.named("tick").hook(endpoint + "-relation-changed")
        .invoke(ctx -> call(ctx, "relation-set", "tick=" + System.nanoTime()))).build();
  }

  @Test
  void unitsThatNeverAgreeHitTheCap() {
    try (Model model = new Model()) {
      model.add(Harness.of(serverDir, chatty("clients")), JujuState.forUnit("server/0"));
      model.add(Harness.of(clientDir, chatty("db")), JujuState.forUnit("client/0"));
      model.relate("client", "db", "server", "clients");
      AssertionError e = assertThrows(AssertionError.class, () -> model.settle(30));
      assertTrue(e.getMessage().startsWith("no convergence after 30 hooks; next: "),
          e.getMessage());
      assertEquals(30, model.hooksRun());
    }
  }

  @Test
  void aFailingHookStopsTheExchangeWithItsOutcome() {
    ReactiveCharm failing = ReactiveCharm.builder().handler(
        Handler.named("boom").hook("db-relation-joined").invoke(ctx -> {
          throw new IllegalStateException("cannot join");
        })).build();
    try (Model model = new Model()) {
      model.add(Harness.of(serverDir, server()), JujuState.forUnit("server/0"));
      model.add(Harness.of(clientDir, failing), JujuState.forUnit("client/0"));
      model.relate("client", "db", "server", "clients");
      AssertionError e = assertThrows(AssertionError.class, () -> model.settle(10));
      assertTrue(e.getMessage().startsWith("client/0 failed ")
          && e.getMessage().contains("cannot join"), e.getMessage());
      List<HookOutcome> outcomes = model.unit("client/0").outcomes();
      assertEquals(2, outcomes.size());
      assertTrue(outcomes.get(0).succeeded(), "created");
      assertFalse(outcomes.get(1).succeeded(), "joined");
    }
  }

  @Test
  void badUseIsNamed() {
    try (Model model = model(1)) {
      try (Harness again = Harness.of(clientDir, client())) {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
            () -> model.add(again, JujuState.forUnit("client/0")));
        assertEquals("unit client/0 added twice", twice.getMessage());
      }
      IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
          () -> model.unit("client/9"));
      assertTrue(none.getMessage().contains("no unit client/9"), none.getMessage());
      assertThrows(IllegalArgumentException.class, () -> model.removeRelation(42));
      assertEquals(List.of("client/0"), model.unitsOf("client").stream().map(Model.Unit::name)
          .toList());
    }
  }
}
