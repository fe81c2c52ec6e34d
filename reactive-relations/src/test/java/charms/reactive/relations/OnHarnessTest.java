package charms.reactive.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.ReactiveCharm;
import charms.reactive.juju.Juju;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.RelationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This module against the harness's fake Juju, which follows Juju's tool syntax, formats,
 * permissions and commit rules: application bags, peers, relation-list --app, conversations.
 */
class OnHarnessTest {
  static final String METADATA = String.join("\n",
      "name: app",
      "requires:",
      "  db: {interface: pgsql}",
      "  backend: {interface: http}",
      "peers:",
      "  cluster: {interface: app-peers}",
      "");

  @TempDir
  Path charmDir;
  Harness harness;
  Consumer<Endpoints> work = e -> { };
  final List<Object> seen = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(charmDir.resolve("metadata.yaml"), METADATA);
    harness = Harness.of(charmDir, ReactiveCharm.builder()
        .use(Juju.integration())
        .use(Relations.builder()
            .relationBase("http", Role.REQUIRES, ConversationsTest.HttpRequires.class,
                ConversationsTest.HttpRequires::new)
            .build())
        .handler(Handler.named("work").hook("{db,backend,cluster}-relation-{created,joined,changed}")
            .invoke(ctx -> work.accept(ctx.service(Endpoints.class))))
        .build());
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  static HookOutcome ok(HookOutcome o) {
    assertTrue(o.succeeded(), () -> o + "\n" + o.error() + "\n" + o.logMessages());
    return o;
  }

  @Test
  void theLeaderPublishesTheApplicationBagAndReadsTheRemoteOne() {
    RelationState db = RelationState.of("db", 4, "pg").withRemoteUnit("pg/0")
        .withRemoteAppData(Map.of("version", "\"14\""));
    work = e -> {
      Relation r = e.get("db").relations().get(0);
      seen.add(r.receivedApp().text("version").orElse("?"));
      r.toPublishApp().put("schema", Map.of("b", 2, "a", 1));
    };
    HookOutcome o = ok(harness.run(HookEvent.relationJoined(db, "pg/0"),
        harness.state().withLeader(true).withRelation(db)));
    assertEquals(List.of("14"), seen);
    assertEquals("{\"a\": 1, \"b\": 2}", o.state().requireRelation(4).localAppData().get("schema"));
    assertEquals(1, o.calls("relation-set").size());
  }

  @Test
  void aNonLeaderWritingTheApplicationBagFailsTheHookAndChangesNothing() {
    RelationState db = RelationState.of("db", 4, "pg").withRemoteUnit("pg/0");
    work = e -> {
      e.get("db").relations().get(0).toPublish().put("database", "x");
      e.get("db").relations().get(0).toPublishApp().put("schema", 1);
    };
    JujuState before = harness.state().withRelation(db);
    HookOutcome o = harness.run(HookEvent.relationJoined(db, "pg/0"), before);
    assertFalse(o.succeeded());
    assertInstanceOf(LeaderOnlyException.class, o.error().orElseThrow().getCause());
    assertTrue(o.calls("relation-set").isEmpty(), "nothing reached relation-set");
    assertEquals(before.requireRelation(4), o.state().requireRelation(4));
    assertEquals(before.unitState(), o.state().unitState(), "the unit state was not committed");
  }

  @Test
  void anEmptyRelationsApplicationComesFromRelationListApp() {
    RelationState db = RelationState.of("db", 4, "pg");
    work = e -> seen.add(e.get("db").relations().get(0).applicationName().orElse("?"));
    HookOutcome o = ok(harness.run(HookEvent.relationCreated(db), harness.state().withRelation(db)));
    assertEquals(List.of("pg"), seen, "JUJU_REMOTE_APP in the relation's own hook");
    assertFalse(o.state().hasFlag("endpoint.db.joined"));
  }

  @Test
  void peersReadTheirApplicationBagWithoutBeingLeader() {
    RelationState cluster = RelationState.peer("cluster", 1).withRemoteUnit("app/1")
        .withLocalAppData(Map.of("token", "\"t\""));
    work = e -> seen.add(e.get("cluster").relations().get(0).receivedApp().text("token").orElse("?"));
    HookOutcome o = ok(harness.run(HookEvent.relationJoined(cluster, "app/1"),
        harness.state().withRelation(cluster)));
    assertEquals(List.of("t"), seen);
    assertTrue(o.state().hasFlag("endpoint.cluster.joined"));
  }

  @Test
  void malformedRemoteDataIsReadRawAndTheHookSucceeds() {
    RelationState db = RelationState.of("db", 4, "pg").withRemoteUnit("pg/0",
        Map.of("host", "10.0.0.1", "cfg", "{\"unterminated\": ", "deep", "[".repeat(100_000)));
    work = e -> {
      JsonDataView v = e.get("db").allJoinedUnits().received();
      seen.add(v.get("host").textValue());
      seen.add(v.get("cfg").textValue());
      seen.add(v.get("deep").textValue().length());
    };
    HookOutcome o = ok(harness.run(HookEvent.relationJoined(db, "pg/0"), harness.state().withRelation(db)));
    assertEquals(List.of("10.0.0.1", "{\"unterminated\": ", 100_000), seen);
    assertTrue(o.state().hasFlag("endpoint.db.changed.cfg"));
  }

  @Test
  void conversationsJoinPublishAndDepart() {
    RelationState backend = RelationState.of("backend", 2, "web")
        .withRemoteUnit("web/0", Map.of("port", "80"));
    JujuState s = harness.state().withRelation(backend);
    HookOutcome joined = ok(harness.run(HookEvent.relationJoined(backend, "web/0"), s));
    assertTrue(joined.state().hasFlag("backend.available"));
    assertEquals("yes", joined.state().requireRelation(2).localUnitData().get("want"));

    HookOutcome departed = ok(harness.run(HookEvent.relationDeparted(
        joined.state().requireRelation(2), "web/0"), joined.state()));
    assertFalse(departed.state().hasFlag("backend.available"));
    assertFalse(departed.state().unitState().framework().containsKey("relations:conversations.backend"));
  }

  @Test
  void aSteadyHookReadsEachRelationOnceAndEachRemoteUnitOnce() {
    RelationState db = RelationState.of("db", 4, "pg").withRemoteUnits(3);
    HookOutcome first = ok(harness.run(HookEvent.updateStatus(), harness.state().withRelation(db)));
    HookOutcome steady = ok(harness.run(HookEvent.updateStatus(), first.state()));
    assertEquals(2, steady.calls("relation-ids").size(),
        "one per endpoint: db and cluster (backend is a relation base, read only when asked)");
    assertEquals(1, steady.calls("relation-list").size(), "one per relation");
    assertEquals(3, steady.calls("relation-get").size(), "one per remote unit, for the data scan");
    assertTrue(steady.calls("relation-set").isEmpty());
    assertTrue(first.state().hasFlag("endpoint.db.changed"));
  }
}
