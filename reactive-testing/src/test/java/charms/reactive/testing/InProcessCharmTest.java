package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A small ReactiveCharm run in this JVM over hook sequences, an action and a failing hook. */
class InProcessCharmTest {
  private Harness harness;

  @BeforeEach
  void open() {
    harness = Harness.of(Scenes.CHARM_DIR, new DemoCharm().get());
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theInstallSequenceRunsInJujusOrderAndCarriesStateForward() {
    JujuState initial = harness.state().withLeader(true).withConfig("port", 9000)
        .withRelation(RelationState.peer("cluster", 1));
    SequenceOutcome install = harness.runInstall(initial);

    assertTrue(install.succeeded(), install::toString);
    assertEquals(List.of("install", "cluster-relation-created", "leader-elected",
        "config-changed", "start"), install.hookNames());
    JujuState end = install.finalState();
    assertEquals(Set.of("demo.installed", "demo.peered", "demo.leader", "demo.configured",
        "demo.started"), end.flags());
    assertEquals(Set.of(Port.tcp(9000)), end.openedPorts());
    assertEquals(Status.active("serving on 9000"), end.unitStatus(),
        "data stored in config-changed is read back in start");
    assertEquals(Map.of("seed", "s33d"), end.leaderSettings());
    assertEquals("1.0", end.workloadVersion());

    HookOutcome first = install.hook("install");
    assertEquals(List.of(Status.maintenance("installing")), first.unitStatusHistory());
    assertEquals(List.of(new LogLine("INFO", "installing demo")), first.logs());
    assertEquals(List.of("install"), first.handlersRun());
    assertEquals(List.of("status-set maintenance installing",
        "juju-log --log-level INFO -- installing demo"),
        first.toolCalls().stream().map(HookToolCall::commandLine).toList());
  }

  @Test
  void aNonLeaderGetsLeaderSettingsChangedAndTheDefaultPort() {
    SequenceOutcome install = harness.runInstall(harness.state());
    assertTrue(install.succeeded(), install::toString);
    assertEquals(List.of("install", "leader-settings-changed", "config-changed", "start"),
        install.hookNames());
    assertEquals(Set.of(Port.tcp(8080)), install.finalState().openedPorts(),
        "the default from config.yaml");
    assertFalse(install.finalState().hasFlag("demo.leader"));
  }

  @Test
  void aRelationHookReadsTheRemoteUnitAndPublishesData() {
    RelationState db = Scenes.DB;
    HookOutcome out = harness.run(HookEvent.relationChanged(db, "postgresql/1"),
        harness.state().withRelation(db));
    assertTrue(out.succeeded(), out::toString);
    assertEquals("\"db1\"", out.state().unitState().flags().get("demo.db.ready").toString());
    RelationState after = out.state().requireRelation(7);
    assertEquals("demo", after.localUnitData().get("database"));
    assertEquals("db1", after.localUnitData().get("requested-by"));
    assertEquals(db.remoteUnits(), after.remoteUnits(), "remote data is never changed");
    assertEquals("db:7", out.environment().get("JUJU_RELATION_ID"));
  }

  @Test
  void anActionGetsItsParametersAndReportsResults() {
    HookOutcome out = harness.runAction("backup", Map.of("target", "/srv/b"), harness.state());
    assertTrue(out.succeeded(), out::toString);
    ActionOutcome action = out.requireAction();
    assertFalse(action.failed());
    assertEquals("/srv/b/demo.tar", action.result("backup.path").orElseThrow());
    assertEquals(List.of("backing up to /srv/b"), action.logs());
    assertTrue(out.flags().contains("demo.backed-up"));
    assertEquals("1", out.environment().get("JUJU_ACTION_UUID"));
  }

  @Test
  void aFailingHookCommitsNothingButKeepsStatusLogsAndLeaderSettings() {
    JujuState before = harness.state().withLeader(true).withRelation(Scenes.DB)
        .withFlags("demo.explode").withCharmState(Map.of("kept", "1"));
    HookOutcome out = harness.run(HookEvent.updateStatus(), before);

    assertEquals(1, out.exitCode());
    Throwable error = out.error().orElseThrow();
    assertTrue(error.getMessage().contains("explode"), error::toString);
    assertEquals("boom", error.getCause().getMessage());
    assertEquals(before.relations(), out.state().relations(), "relation-set rolled back");
    assertEquals(before.openedPorts(), out.state().openedPorts(), "open-port rolled back");
    assertEquals(before.charmState(), out.state().charmState(), "state-set rolled back");
    assertEquals(before.unitState(), out.state().unitState(), "flags rolled back");
    assertFalse(out.flags().contains("demo.doomed"));
    assertEquals(Status.blocked("about to fail"), out.state().unitStatus(), "status is immediate");
    assertEquals(List.of(new LogLine("ERROR", "failing now")), out.logs());
    assertEquals(Map.of("doomed", "but-kept"), out.state().leaderSettings(),
        "leader-set is immediate");
    assertEquals(6, out.toolCalls().size(), "every call is recorded, failed hook or not");
  }

  @Test
  void hooksDoNotLeakIntoEachOther() {
    JujuState start = harness.state().withConfig("port", 7000);
    HookOutcome a = harness.run(HookEvent.configChanged(), start);
    HookOutcome b = harness.run(HookEvent.configChanged(), start);
    assertEquals(a.state(), b.state(), "the same input gives the same output");
    assertEquals(Set.of(), start.openedPorts(), "the input state is never changed");
  }

  @Test
  void aCharmFailingBeforeDispatchIsAFailedOutcome() {
    charms.reactive.ReactiveCharm failsAtStart = charms.reactive.ReactiveCharm.builder()
        .onStart(ctx -> {
          throw new IllegalStateException("cannot start");
        })
        .handler(charms.reactive.Handler.named("never").when("demo.never").invoke(ctx -> { }))
        .build();
    try (Harness h = Harness.of(Scenes.CHARM_DIR, failsAtStart)) {
      HookOutcome out = h.run(HookEvent.install(), h.state().withFlags("kept"));
      assertFalse(out.succeeded());
      assertTrue(out.error().orElseThrow().getMessage().contains("cannot start"),
          out.error()::toString);
      assertEquals(List.of(), out.handlersRun());
      assertEquals(Set.of("kept"), out.flags(), "nothing committed");
      assertEquals(List.of("demo.never"), List.copyOf(h.neverSetFlags().readBy().keySet()));
    }
  }
}
