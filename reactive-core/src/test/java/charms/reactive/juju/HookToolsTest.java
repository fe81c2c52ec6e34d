package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HookEnvironment;
import charms.reactive.LogLevel;
import charms.reactive.RelationRef;
import charms.reactive.internal.juju.JujuLog;
import charms.reactive.internal.juju.ProcessToolRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookToolsTest {
  final ScriptedTools fake = new ScriptedTools();
  final HookTools tools = new HookTools(fake, HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "db-relation-changed",
      "JUJU_UNIT_NAME", "app/0", "JUJU_RELATION_ID", "db:3", "JUJU_RELATION", "db")));

  @Test
  void configIsReadOncePerHookWithAllOptions() {
    fake.config.put("port", 8080);
    fake.config.put("name", "x");
    assertEquals(8080, tools.config().get("port").intValue());
    assertEquals("x", tools.config().get("name").textValue());
    assertEquals(1, fake.count("config-get"));
    assertEquals(List.of("--format=json", "--all"), fake.calls.get(0).args());
    assertEquals(1, tools.calls().size());
  }

  @Test
  void relationSetSendsJsonOnStdinSoWhitespaceSurvives() {
    fake.overrides.put("relation-set", args -> ScriptedTools.ok(""));
    tools.relationSet(new RelationRef("db", 3), Map.of("password", "  spaced  "), false);
    ScriptedTools.Call call = fake.calls.get(0);
    assertEquals(List.of("-r", "db:3", "--file", "-"), call.args());
    assertEquals("{\"password\":\"  spaced  \"}", call.stdin());
  }

  @Test
  void remoteRelationDataIsASnapshotButOwnDataIsAlwaysRead() {
    fake.overrides.put("relation-get", args -> ScriptedTools.ok("{\"host\":\"10.0.0.1\",\"port\":\"5432\"}"));
    RelationRef db = new RelationRef("db", 3);
    assertEquals("10.0.0.1", tools.relationGet(db, "pg/0").get("host"));
    tools.relationGet(db, "pg/0");
    tools.relationGet(db, "app/0");
    tools.relationGet(db, "app/0");
    assertEquals(3, fake.count("relation-get"));
    assertEquals(List.of("--format=json", "-r", "db:3", "-", "pg/0"), fake.calls.get(0).args());
  }

  @Test
  void isLeaderFalseStaysFalseWithinTheHook() {
    fake.leader = false;
    assertFalse(tools.isLeader());
    fake.leader = true;
    assertFalse(tools.isLeader());
    assertEquals(1, fake.count("is-leader"));
  }

  @Test
  void leaderGetFollowsOwnLeaderSet() {
    fake.leader = true;
    fake.leaderSettings.put("a", "1");
    assertEquals(Map.of("a", "1"), tools.leaderGet());
    tools.leaderSet(new java.util.TreeMap<>(Map.of("b", "2")));
    java.util.Map<String, String> deleteA = new java.util.HashMap<>();
    deleteA.put("a", null);
    tools.leaderSet(deleteA);
    assertEquals(Map.of("b", "2"), tools.leaderGet());
    assertEquals(1, fake.count("leader-get"));
    assertEquals(List.of("a="), fake.calls.get(2).args());
  }

  @Test
  void failuresAreTypedAndCarryToolArgsExitCodeAndStderr() {
    fake.overrides.put("relation-list", args -> new ToolResult(2, "",
        "ERROR invalid value \"db:9\" for option -r: relation not found\n"));
    RelationNotFoundException e = assertThrows(RelationNotFoundException.class,
        () -> tools.relationUnits(new RelationRef("db", 9)));
    assertEquals("relation-list", e.tool());
    assertEquals(List.of("--format=json", "-r", "db:9"), e.args());
    assertEquals(2, e.exitCode());
    assertTrue(e.getMessage().contains("relation not found"), e.getMessage());
    assertTrue(e.getMessage().contains("relation-list --format=json -r db:9"), e.getMessage());

    fake.leader = false;
    NotLeaderException n = assertThrows(NotLeaderException.class, () -> tools.leaderSet(Map.of("k", "v")));
    assertEquals(1, n.exitCode());

    fake.overrides.put("goal-state", args -> new ToolResult(1, "", "ERROR boom\n"));
    HookToolException g = assertThrows(HookToolException.class, tools::goalState);
    assertFalse(g instanceof RelationNotFoundException || g instanceof NotLeaderException);
  }

  @Test
  void outputThatIsNotJsonIsAClearError() {
    fake.overrides.put("opened-ports", args -> ScriptedTools.ok("80/tcp"));
    charms.reactive.ReactiveException e = assertThrows(charms.reactive.ReactiveException.class, tools::openedPorts);
    assertTrue(e.getMessage().contains("opened-ports"), e.getMessage());
    assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
  }

  @Test
  void statusSetPassesTheMessageAfterDoubleDash() {
    tools.statusSet(WorkloadStatus.BLOCKED, "-starts with a dash", false);
    assertEquals(List.of("--application=False blocked -- -starts with a dash"), fake.statuses);
  }

  @Test
  void longLogMessagesAreSplitIntoAcceptedChunks() {
    tools.jujuLog(LogLevel.INFO, "x".repeat(HookTools.MAX_ARGUMENT + 10));
    assertEquals(2, fake.count("juju-log"));
    assertEquals(HookTools.MAX_ARGUMENT, fake.calls.get(0).args().get(3).length());
    assertEquals(10, fake.calls.get(1).args().get(3).length());
  }

  @Test
  void jujuLogBatchesConsecutiveLevelsAndKeepsOrder() {
    JujuLog log = new JujuLog(tools);
    log.info("one");
    log.info("two");
    log.warning("three");
    log.info("four");
    assertEquals(0, fake.count("juju-log"), "nothing is sent before the flush");
    log.flush();
    assertEquals(List.of("INFO: one\ntwo", "WARNING: three", "INFO: four"), fake.logs);
  }

  @Test
  void jujuLogFallsBackToStderrWhenTheToolFails() {
    fake.overrides.put("juju-log", args -> new ToolResult(1, "", "ERROR JUJU_CONTEXT_ID not set\n"));
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      JujuLog log = new JujuLog(tools);
      log.error("the hook failed here");
      log.flush();
    } finally {
      System.setErr(old);
    }
    assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("ERROR: the hook failed here"));
  }

  @Test
  void processRunnerRunsARealExecutableWithAnArgumentArray(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path tool = dir.resolve("echo-args");
    java.nio.file.Files.writeString(tool, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done\ncat\necho oops >&2\nexit 3\n");
    tool.toFile().setExecutable(true);
    ProcessToolRunner runner = new ProcessToolRunner(Map.of("PATH", dir + ":/usr/bin:/bin"));
    ToolResult r = runner.run("echo-args", List.of("a b", "$(rm -rf /)", ";"), "stdin!".getBytes());
    assertEquals(3, r.exitCode());
    assertEquals("[a b][$(rm -rf /)][;]stdin!", r.stdout());
    assertEquals("oops\n", r.stderr());
    charms.reactive.ReactiveException missing = assertThrows(charms.reactive.ReactiveException.class,
        () -> runner.run("no-such-tool", List.of(), null));
    assertTrue(missing.getMessage().contains("no-such-tool"));
    assertInstanceOf(charms.reactive.ReactiveException.class, missing);
  }
}
