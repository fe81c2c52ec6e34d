package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.LogLevel;
import charms.reactive.RelationRef;
import charms.reactive.testing.CharmSpec;
import charms.reactive.testing.FakeHookTools;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookToolCall;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.LogLine;
import charms.reactive.testing.RelationState;
import charms.reactive.testing.Status;
import charms.reactive.testing.ToolAnswer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HookTools}, the hook-tool client, against the harness's fake tools of one
 * {@code db-relation-changed} hook: the calls it makes, what it reads once, how it fails.
 */
class HookToolsTest {
  @TempDir
  Path charmDir;
  CharmSpec charm;
  final RelationState db = RelationState.of("db", 3, "pg")
      .withRemoteUnit("pg/0", Map.of("host", "10.0.0.1", "port", "5432"));
  JujuState state = JujuState.forUnit("app/0").withRelation(db);
  FakeHookTools fake;
  HookTools tools;

  @BeforeEach
  void charm() throws IOException {
    Files.writeString(charmDir.resolve("metadata.yaml"),
        "name: app\nrequires:\n  db: {interface: pgsql}\n");
    Files.writeString(charmDir.resolve("config.yaml"),
        "options:\n  port: {type: int, default: 80}\n  name: {type: string}\n");
    charm = CharmSpec.load(charmDir);
    open();
  }

  /** The tools of a new hook on {@link #state}. */
  void open() {
    fake = FakeHookTools.open(charm, state, HookEvent.relationChanged(db, "pg/0"));
    tools = new HookTools(fake, HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "db-relation-changed",
        "JUJU_UNIT_NAME", "app/0", "JUJU_RELATION_ID", "db:3", "JUJU_RELATION", "db")));
  }

  long count(String tool) {
    return fake.calls().stream().filter(c -> c.tool().equals(tool)).count();
  }

  HookToolCall call(int index) {
    return fake.calls().get(index);
  }

  @Test
  void configIsReadOncePerHookWithAllOptions() {
    state = state.withConfig(Map.of("port", 8080, "name", "x"));
    open();
    assertEquals(8080, tools.config().get("port").intValue());
    assertEquals("x", tools.config().get("name").textValue());
    assertEquals(1, count("config-get"));
    assertEquals(List.of("--format=json", "--all"), call(0).args());
    assertEquals(1, tools.calls().size());
  }

  @Test
  void relationSetSendsJsonOnStdinSoWhitespaceSurvives() {
    tools.relationSet(new RelationRef("db", 3), Map.of("password", "  spaced  "), false);
    HookToolCall call = call(0);
    assertEquals(List.of("-r", "db:3", "--file", "-"), call.args());
    assertEquals("{\"password\":\"  spaced  \"}", call.stdin());
    assertEquals("  spaced  ", fake.finish(true).requireRelation(3).localUnitData().get("password"));
  }

  @Test
  void remoteRelationDataIsASnapshotButOwnDataIsAlwaysRead() {
    RelationRef ref = new RelationRef("db", 3);
    assertEquals("10.0.0.1", tools.relationGet(ref, "pg/0").get("host"));
    tools.relationGet(ref, "pg/0");
    tools.relationGet(ref, "app/0");
    tools.relationGet(ref, "app/0");
    assertEquals(3, count("relation-get"));
    assertEquals(List.of("--format=json", "-r", "db:3", "-", "pg/0"), call(0).args());
  }

  @Test
  void isLeaderFalseStaysFalseWithinTheHook() {
    // the model claims leadership after the first answer; the client must not ask again
    fake.answer("is-leader", ToolAnswer.afterFirst(ToolAnswer.output("true\n")));
    assertFalse(tools.isLeader());
    assertFalse(tools.isLeader());
    assertEquals(1, count("is-leader"));
  }

  @Test
  void leaderGetFollowsOwnLeaderSet() {
    state = state.withLeader(true).withLeaderSettings(Map.of("a", "1"));
    open();
    assertEquals(Map.of("a", "1"), tools.leaderGet());
    tools.leaderSet(new java.util.TreeMap<>(Map.of("b", "2")));
    java.util.Map<String, String> deleteA = new java.util.HashMap<>();
    deleteA.put("a", null);
    tools.leaderSet(deleteA);
    assertEquals(Map.of("b", "2"), tools.leaderGet());
    assertEquals(1, count("leader-get"));
    assertEquals(List.of("a="), call(2).args());
    assertEquals(Map.of("b", "2"), fake.finish(true).leaderSettings(), "the model agrees");
  }

  @Test
  void failuresAreTypedAndCarryToolArgsExitCodeAndStderr() {
    RelationNotFoundException e = assertThrows(RelationNotFoundException.class,
        () -> tools.relationUnits(new RelationRef("db", 9)));
    assertEquals("relation-list", e.tool());
    assertEquals(List.of("--format=json", "-r", "db:9"), e.args());
    assertEquals(2, e.exitCode());
    assertTrue(e.getMessage().contains("relation not found"), e.getMessage());
    assertTrue(e.getMessage().contains("relation-list --format=json -r db:9"), e.getMessage());

    NotLeaderException n = assertThrows(NotLeaderException.class, () -> tools.leaderSet(Map.of("k", "v")));
    assertEquals(1, n.exitCode());

    fake.answer("goal-state", ToolAnswer.error(1, "boom"));
    HookToolException g = assertThrows(HookToolException.class, tools::goalState);
    assertFalse(g instanceof RelationNotFoundException || g instanceof NotLeaderException);
  }

  @Test
  void outputThatIsNotJsonIsAClearError() {
    fake.answer("opened-ports", ToolAnswer.output("80/tcp\n"));
    charms.reactive.ReactiveException e = assertThrows(charms.reactive.ReactiveException.class, tools::openedPorts);
    assertTrue(e.getMessage().contains("opened-ports"), e.getMessage());
    assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
  }

  @Test
  void statusSetPassesTheMessageAfterDoubleDash() {
    tools.statusSet(WorkloadStatus.BLOCKED, "-starts with a dash", false);
    assertEquals(List.of("--application=False", "blocked", "--", "-starts with a dash"), call(0).args());
    assertEquals(List.of(Status.blocked("-starts with a dash")), fake.unitStatusHistory());
  }

  @Test
  void longLogMessagesAreSplitIntoAcceptedChunks() {
    tools.jujuLog(LogLevel.INFO, "x".repeat(HookTools.MAX_ARGUMENT + 10));
    assertEquals(2, count("juju-log"));
    assertEquals(HookTools.MAX_ARGUMENT, call(0).args().get(3).length());
    assertEquals(10, call(1).args().get(3).length());
  }

  @Test
  void jujuLogBatchesConsecutiveLevelsAndKeepsOrder() {
    HookLog log = tools.jujuLogSink();
    log.info("one");
    log.info("two");
    log.warning("three");
    log.info("four");
    assertEquals(0, count("juju-log"), "nothing is sent before the flush");
    log.flush();
    // Juju prefixes a relation hook's lines with the relation
    assertEquals(List.of(new LogLine("INFO", "db:3: one\ntwo"), new LogLine("WARNING", "db:3: three"),
        new LogLine("INFO", "db:3: four")), fake.logs());
  }

  @Test
  void jujuLogFallsBackToStderrWhenTheToolFails() {
    fake.answer("juju-log", ToolAnswer.error(1, "JUJU_CONTEXT_ID not set"));
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      HookLog log = tools.jujuLogSink();
      log.error("the hook failed here");
      log.flush();
    } finally {
      System.setErr(old);
    }
    assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("ERROR: the hook failed here"));
    assertEquals(1, count("juju-log"), "the tool was tried first");
  }
}
