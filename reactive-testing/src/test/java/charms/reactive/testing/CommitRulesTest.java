package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Juju's commit rules: relation-set, open/close-port and state-set/delete are buffered and land only if the
 * hook succeeds; status-set, juju-log, leader-set, application-version-set and action-log take
 * effect at once and survive a failure.
 */
class CommitRulesTest {

  /** Makes every kind of change in one hook of a leader. */
  private static FakeHookTools changeEverything() {
    FakeHookTools tools = Scenes.Scene.LEADER.tools();
    for (List<String> call : List.of(
        List.of("relation-set", "-r", "7", "host=new"),
        List.of("relation-set", "-r", "7", "--app", "schema=v2"),
        List.of("open-port", "443/tcp"),
        List.of("close-port", "80/tcp"),
        List.of("state-set", "a=1"),
        List.of("state-delete", "k"),
        List.of("status-set", "maintenance", "upgrading"),
        List.of("status-set", "--application", "blocked", "app says"),
        List.of("juju-log", "-l", "WARNING", "careful"),
        List.of("leader-set", "seed=", "token=t0"),
        List.of("application-version-set", "2.0"))) {
      assertEquals(0, tools.run(call.get(0), call.subList(1, call.size()), null).exitCode(),
          () -> "call " + call);
    }
    return tools;
  }

  @Test
  void aFailingHookKeepsOnlyTheImmediateEffects() {
    JujuState before = Scenes.Scene.LEADER.state;
    FakeHookTools tools = changeEverything();
    JujuState after = tools.finish(false);

    assertEquals(before.relations(), after.relations(), "relation data unchanged");
    assertEquals(before.openedPorts(), after.openedPorts(), "ports unchanged");
    assertEquals(before.charmState(), after.charmState(), "charm state unchanged");

    assertEquals(Status.maintenance("upgrading"), after.unitStatus());
    assertEquals(Status.blocked("app says"), after.appStatus());
    assertEquals(Map.of("token", "t0"), after.leaderSettings(), "leader-set is immediate");
    assertEquals("2.0", after.workloadVersion());
    assertEquals(List.of(new LogLine("WARNING", "careful")), tools.logs());
    assertEquals(List.of(Status.maintenance("upgrading")), tools.unitStatusHistory());
  }

  @Test
  void aSucceedingHookCommitsEverything() {
    JujuState after = changeEverything().finish(true);
    assertEquals("new", after.requireRelation(7).localUnitData().get("host"));
    assertEquals("192.0.2.0", after.requireRelation(7).localUnitData().get("ingress-address"));
    assertEquals(Map.of("schema", "v2"), after.requireRelation(7).localAppData());
    assertEquals(Set.of(Port.tcp(443), Port.range(8000, 8100, "udp").forEndpoint("website")),
        after.openedPorts());
    assertEquals(Map.of("a", "1"), after.charmState());
    assertEquals(Map.of("token", "t0"), after.leaderSettings());
  }

  @Test
  void pendingPortChangesAreInvisibleToOpenedPorts() {
    FakeHookTools tools = Scenes.Scene.EMPTY.tools();
    tools.run("open-port", List.of("8080"), null);
    assertEquals("", tools.run("opened-ports", List.of(), null).stdout());
    assertEquals(Set.of(Port.tcp(8080)), tools.finish(true).openedPorts());
  }

  @Test
  void stateGetAndLeaderGetFollowThisHooksOwnWrites() {
    FakeHookTools tools = Scenes.Scene.LEADER.tools();
    tools.run("state-set", List.of("--file", "-"), "{\"x\": \"1\"}".getBytes());
    tools.run("state-delete", List.of("k"), null);
    assertEquals("{\"x\":\"1\"}\n", tools.run("state-get", List.of("--format=json"), null)
        .stdout());
    tools.run("leader-set", List.of("seed=new"), null);
    assertEquals("new\n", tools.run("leader-get", List.of("seed"), null).stdout());
  }

  @Test
  void actionResultsAndLogsSurviveAFailedAction() {
    FakeHookTools tools = Scenes.Scene.ACTION.tools();
    tools.run("action-set", List.of("outfile.size=10G", "outfile.name=x", "done=yes"), null);
    tools.run("action-log", List.of("halfway"), null);
    ActionOutcome failedByExit = tools.action(1).orElseThrow();
    assertEquals("exit status 1", failedByExit.failureMessage().orElseThrow());
    assertEquals(Map.of("size", "10G", "name", "x"), failedByExit.result("outfile").orElseThrow());
    assertEquals(List.of("halfway"), failedByExit.logs());

    tools.run("action-fail", List.of(), null);
    ActionOutcome failed = tools.action(0).orElseThrow();
    assertTrue(failed.failed());
    assertEquals("action failed without reason given, check action for errors",
        failed.failureMessage().orElseThrow());
    assertEquals("yes", failed.result("done").orElseThrow());
    assertEquals("/tmp/backup", failed.params().get("target"), "defaults from actions.yaml");
  }

  @Test
  void jujuLogPrefixesRelationHooksAndFallsBackToInfo() {
    FakeHookTools tools = Scenes.Scene.DB_CHANGED.tools();
    tools.run("juju-log", List.of("--log-level", "nonsense", "a", "b"), null);
    tools.run("juju-log", List.of("--debug", "dbg"), null);
    tools.run("juju-log", List.of("-l", "warn", "w"), null);
    assertEquals(List.of(
        new LogLine("WARNING", "Specified log level of \"nonsense\" is not valid"),
        new LogLine("INFO", "db:7: a b"),
        new LogLine("DEBUG", "db:7: dbg"),
        new LogLine("WARNING", "db:7: w")), tools.logs());
  }

  @Test
  void callsAfterTheHookEndedAreRefused() {
    FakeHookTools tools = Scenes.Scene.UNIT.tools();
    tools.finish(true);
    HarnessException e = org.junit.jupiter.api.Assertions.assertThrows(HarnessException.class,
        () -> tools.run("is-leader", List.of(), null));
    assertTrue(e.getMessage().contains("is-leader"), e.getMessage());
  }

  @Test
  void unimplementedJujuToolsFailLoudly() {
    FakeHookTools tools = Scenes.Scene.UNIT.tools();
    HarnessException e = org.junit.jupiter.api.Assertions.assertThrows(HarnessException.class,
        () -> tools.run("secret-get", List.of("secret:abc"), null));
    assertTrue(e.getMessage().contains("secret-get is not implemented"), e.getMessage());
    HarnessException unknown = org.junit.jupiter.api.Assertions.assertThrows(
        HarnessException.class, () -> tools.run("no-such-tool", List.of(), null));
    assertTrue(unknown.getMessage().contains("no hook tool named no-such-tool"));
  }
}
