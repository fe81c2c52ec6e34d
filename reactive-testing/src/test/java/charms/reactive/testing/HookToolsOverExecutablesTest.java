package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HandlerContext;
import charms.reactive.LogLevel;
import charms.reactive.ReactiveCharm;
import charms.reactive.RelationRef;
import charms.reactive.juju.HookToolException;
import charms.reactive.juju.HookTools;
import charms.reactive.juju.ToolRunner;
import charms.reactive.juju.NotLeaderException;
import charms.reactive.juju.RelationNotFoundException;
import charms.reactive.juju.WorkloadStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Juju's hook-tool contract through the core's {@link HookTools} client over real processes: every tool started as
 * the harness's executable, its output parsed, its errors typed. The client runs inside a hook of
 * the harness, so the tools see that hook's context.
 */
class HookToolsOverExecutablesTest {
  final Map<String, Object> seen = new LinkedHashMap<>();
  Harness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  /** Runs {@code probe} with a process-backed client inside {@code event}, in {@code state}. */
  HookOutcome probe(JujuState state, HookEvent event, Consumer<HookTools> probe) {
    ReactiveCharm charm = ReactiveCharm.builder().handler(Handler.named("probe").hook(event.hookName())
        .invoke((HandlerContext ctx) -> probe.accept(
            new HookTools(ToolRunner.processes(ctx.environment().variables()), ctx.environment())))).build();
    harness = Harness.of(Scenes.CHARM_DIR, charm);
    HookOutcome outcome = harness.run(event, state);
    assertTrue(outcome.succeeded(), outcome::toString);
    return outcome;
  }

  static Object attempt(Runnable call) {
    try {
      call.run();
      return "ok";
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Test
  void readingToolsParseTheirJson() {
    RelationRef db = new RelationRef("db", 7);
    probe(Scenes.base(), HookEvent.relationChanged(Scenes.DB, "postgresql/0"), tools -> {
      seen.put("config", tools.config().get("port").intValue());
      seen.put("relation-ids", tools.relationIds("db"));
      seen.put("relation-list", tools.relationUnits(db));
      seen.put("relation-list --app", tools.relationApp(db));
      seen.put("relation-get", tools.relationGet(db, "postgresql/0"));
      seen.put("relation-get --app", tools.relationGetApp(db, "postgresql"));
      seen.put("is-leader", tools.isLeader());
      seen.put("leader-get", tools.leaderGet());
      seen.put("status-get", tools.statusGet(false));
      seen.put("opened-ports", tools.openedPorts());
      seen.put("unit-get", tools.unitGet("private-address"));
      seen.put("network-get", tools.networkGet("website", null).path("ingress-addresses").get(0).asText());
      seen.put("state-get", tools.stateGet());
      seen.put("goal-state", tools.goalState().path("units").has("demo/0"));
      seen.put("calls", tools.calls().size());
    });
    assertEquals(9000, seen.get("config"));
    assertEquals(List.of(new RelationRef("db", 7)), seen.get("relation-ids"));
    assertEquals(List.of("postgresql/0", "postgresql/1"), seen.get("relation-list"));
    assertEquals("postgresql", seen.get("relation-list --app"));
    assertEquals(Map.of("host", "db0", "port", "5432"), seen.get("relation-get"));
    assertEquals(Map.of("version", "14"), seen.get("relation-get --app"));
    assertEquals(false, seen.get("is-leader"));
    assertEquals(Map.of("seed", "abc"), seen.get("leader-get"));
    assertEquals(new charms.reactive.juju.StatusInfo("active", "ready"), seen.get("status-get"));
    assertTrue(((List<?>) seen.get("opened-ports")).contains("80/tcp"), seen::toString);
    assertFalse(((String) seen.get("unit-get")).isEmpty());
    assertEquals("10.1.2.3", seen.get("network-get"));
    assertEquals(Map.of("k", "v"), seen.get("state-get"));
    assertEquals(true, seen.get("goal-state"));
    assertEquals(14, seen.get("calls"), "one process per call, each read once");
  }

  @Test
  void writingToolsApplyAtTheRightTimeAndKeepWhitespace() {
    RelationRef db = new RelationRef("db", 7);
    HookOutcome outcome = probe(Scenes.base().withLeader(true), HookEvent.updateStatus(), tools -> {
      tools.relationSet(db, Map.of("password", "  two spaces  ", "line", "a\nb"), false);
      seen.put("own read sees pending write", tools.relationGet(db, "demo/0").get("password"));
      tools.relationSet(db, Map.of("app-key", "v"), true);
      tools.leaderSet(Map.of("token", "t1"));
      seen.put("leader-get after set", tools.leaderGet().get("token"));
      tools.statusSet(WorkloadStatus.MAINTENANCE, "-dashed message", false);
      tools.applicationVersionSet("1.2.3");
      tools.openPort("8080/tcp");
      tools.closePort("80/tcp");
      tools.stateSet(Map.of("new", "value"));
      tools.stateDelete("k");
      seen.put("state after", tools.stateGet());
      tools.jujuLog(LogLevel.WARNING, "careful");
    });
    JujuState after = outcome.state();
    assertEquals("  two spaces  ", seen.get("own read sees pending write"));
    assertEquals("  two spaces  ", after.requireRelation(7).localUnitData().get("password"));
    assertEquals("a\nb", after.requireRelation(7).localUnitData().get("line"));
    assertEquals("v", after.requireRelation(7).localAppData().get("app-key"));
    assertEquals("t1", seen.get("leader-get after set"));
    assertEquals("t1", after.leaderSettings().get("token"));
    assertEquals(new Status("maintenance", "-dashed message"), after.unitStatus());
    assertEquals("1.2.3", after.workloadVersion());
    assertTrue(after.openedPorts().contains(Port.tcp(8080)));
    assertFalse(after.openedPorts().contains(Port.tcp(80)));
    assertEquals(Map.of("new", "value"), seen.get("state after"));
    assertEquals(Map.of("new", "value"), after.charmState());
    assertTrue(outcome.logs().stream().anyMatch(l -> l.message().equals("careful")), outcome.logs()::toString);
  }

  @Test
  void errorsAreTypedAndCarryToolArgumentsExitCodeAndStderr() {
    probe(Scenes.base(), HookEvent.updateStatus(), tools -> {
      seen.put("unknown relation", attempt(() -> tools.relationUnits(new RelationRef("db", 99))));
      seen.put("app bag as non-leader", attempt(() -> tools.relationSet(new RelationRef("db", 7), Map.of("k", "v"), true)));
      seen.put("leader-set as non-leader", attempt(() -> tools.leaderSet(Map.of("k", "v"))));
      seen.put("action-get outside an action", attempt(tools::actionGet));
      seen.put("bad port", attempt(() -> tools.openPort("not-a-port")));
    });
    RelationNotFoundException missing = assertInstanceOf(RelationNotFoundException.class, seen.get("unknown relation"));
    assertEquals("relation-list", missing.tool());
    assertEquals(List.of("--format=json", "-r", "db:99"), missing.args());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.stderr().contains("relation not found"), missing.stderr());
    NotLeaderException app = assertInstanceOf(NotLeaderException.class, seen.get("app bag as non-leader"));
    assertEquals(1, app.exitCode());
    assertInstanceOf(NotLeaderException.class, seen.get("leader-set as non-leader"));
    HookToolException action = assertInstanceOf(HookToolException.class, seen.get("action-get outside an action"));
    assertTrue(action.stderr().contains("not running an action"), action.stderr());
    HookToolException port = assertInstanceOf(HookToolException.class, seen.get("bad port"));
    assertTrue(port.getMessage().contains("open-port not-a-port"), port.getMessage());
  }

  @Test
  void actionToolsWorkInsideAnAction() {
    HookOutcome outcome = probe(Scenes.base(), HookEvent.action("backup", Map.of("target", "/srv/b", "compress", true)),
        tools -> {
          seen.put("params", tools.actionGet());
          tools.actionLog("halfway");
          tools.actionSet(Map.of("result.size", "42"));
          tools.actionFail("disk full");
        });
    assertEquals("/srv/b", ((com.fasterxml.jackson.databind.JsonNode) seen.get("params")).path("target").asText());
    assertTrue(((com.fasterxml.jackson.databind.JsonNode) seen.get("params")).path("compress").asBoolean());
    ActionOutcome action = outcome.requireAction();
    assertEquals(java.util.Optional.of("disk full"), action.failureMessage());
    assertEquals("halfway", action.logs().get(0));
    assertEquals(Map.of("size", "42"), action.results().get("result"));
  }
}
