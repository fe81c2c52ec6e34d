package charms.reactive.relations;

import org.junit.jupiter.api.AfterEach;
import charms.reactive.testing.HookToolCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data views: JSON reading with raw fallback, byte-exact writing, publishing. */
class PublishingTest {
  @TempDir
  Path dir;
  TestUnit unit;
  Consumer<Endpoints> work = e -> { };

  @AfterEach
  void closeUnit() {
    unit.close();
  }

  @BeforeEach
  void setUp() {
    unit = new TestUnit(dir, "app/0", TestInterfaces.METADATA);
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder().build())
        .handler(Handler.named("work").hook("db-relation-changed").invoke(ctx -> work.accept(ctx.service(Endpoints.class))))
        .build());
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
  }

  HookRun run(Consumer<Endpoints> w) {
    work = w;
    return unit.relationHook("db:1", "changed", "pg/0");
  }

  List<HookToolCall> sets() {
    return unit.calls("relation-set");
  }

  @Test
  void receivedValuesDecodeAsJsonOrFallBackToTheRawString() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("number", "1");
    data.put("float", "2.5");
    data.put("bool", "true");
    data.put("list", "[1, 2]");
    data.put("null", "null");
    data.put("quoted", "\"foo\"");
    data.put("address", "10.0.0.1");
    data.put("word", "yes");
    data.put("broken", "{\"a\": ");
    data.put("trailing", "1 2");
    data.put("deep", "[".repeat(5000) + "]".repeat(5000));
    data.put("nan", "NaN");
    unit.rel("db:1").unit("pg/0", data);
    Map<String, JsonNode> seen = new LinkedHashMap<>();
    HookRun r = run(e -> {
      JsonDataView received = e.get("db").allJoinedUnits().received();
      received.keys().forEach(k -> seen.put(k, received.get(k)));
      seen.put("missing", received.get("missing"));
    });
    assertTrue(r.succeeded(), () -> "" + r.error());
    assertEquals(1, seen.get("number").intValue());
    assertEquals(2.5, seen.get("float").doubleValue());
    assertTrue(seen.get("bool").booleanValue());
    assertEquals("[1,2]", seen.get("list").toString());
    assertTrue(seen.get("null").isNull());
    assertEquals("foo", seen.get("quoted").textValue());
    assertEquals("10.0.0.1", seen.get("address").textValue());
    assertEquals("yes", seen.get("word").textValue());
    assertEquals("{\"a\": ", seen.get("broken").textValue(), "malformed JSON is the raw string");
    assertEquals("1 2", seen.get("trailing").textValue(), "trailing data is not JSON");
    assertEquals("[".repeat(5000) + "]".repeat(5000), seen.get("deep").textValue(),
        "nesting over the limit falls back to the raw string instead of exhausting the stack");
    assertTrue(Double.isNaN(seen.get("nan").doubleValue()), "json.loads accepts NaN");
    assertNull(seen.get("missing"));
  }

  @Test
  void textAndTypedReads() {
    unit.rel("db:1").unit("pg/0", Map.of("port", "5432", "host", "\"db.example\"",
        "nothing", "null"));
    List<Object> seen = new ArrayList<>();
    HookRun r = run(e -> {
      JsonDataView v = e.get("db").allJoinedUnits().get(0).received();
      seen.add(v.text("port").orElseThrow());
      seen.add(v.text("host").orElseThrow());
      seen.add(v.text("nothing").isPresent());
      seen.add(v.get("port", Integer.class).orElseThrow());
      seen.add(assertThrows(IllegalArgumentException.class, () -> v.get("host", Integer.class))
          .getMessage());
    });
    assertTrue(r.succeeded(), () -> "" + r.error());
    assertEquals("5432", seen.get(0));
    assertEquals("db.example", seen.get(1));
    assertEquals(false, seen.get(2));
    assertEquals(5432, seen.get(3));
    assertTrue(((String) seen.get(4)).contains("'host'"), (String) seen.get(4));
    assertFalse(((String) seen.get(4)).contains("db.example"), "relation values stay out of errors");
  }

  record DbInfo(String host, int port, java.util.Optional<String> password, Boolean tls) {
  }

  @Test
  void aBagBindsToARecordByKebabOrSnakeCaseWithoutQuotingValuesInErrors() {
    unit.rel("db:1").unit("pg/0", Map.of("port", "5432", "host", "\"db.example\"",
        "tls", "true"));
    List<Object> seen = new ArrayList<>();
    HookRun r = run(e -> {
      JsonDataView v = e.get("db").allJoinedUnits().get(0).received();
      seen.add(v.as(DbInfo.class));
      record Wrong(int host) {
      }
      seen.add(assertThrows(charms.reactive.ReactiveException.class, () -> v.as(Wrong.class)).getMessage());
      record Snake(int dbPort) {
      }
      seen.add(assertThrows(charms.reactive.ReactiveException.class, () -> v.as(Snake.class)).getMessage());
    });
    assertTrue(r.succeeded(), () -> "" + r.error());
    assertEquals(new DbInfo("db.example", 5432, java.util.Optional.empty(), true), seen.get(0));
    assertEquals("relation data key 'host' cannot be read as int for Wrong.host (a string value)",
        seen.get(1), "the value stays out of the message");
    assertEquals("relation data key 'dbPort' has no value, but Snake.dbPort is a primitive int: make it "
        + "Integer or Optional<Integer>", seen.get(2));
  }

  @Test
  void toPublishEncodesExactlyAsPythonJsonDumpsSortKeys() throws Exception {
    HookRun r = run(e -> {
      JsonDataView out = e.get("db").relations().get(0).toPublish();
      out.put("string", "foo");
      out.put("none", null);
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("zeta", List.of(1, 2.0, true));
      nested.put("alpha", "é😀");
      out.put("nested", nested);
      out.put("float", 1e16);
      out.put("int", 5432);
    });
    assertTrue(r.succeeded(), () -> "" + r.error());
    assertEquals(1, sets().size(), "one relation-set for the bag, at the end of the hook");
    assertEquals(List.of("-r", "db:1", "--file", "-"), sets().get(0).args());
    JsonNode published = TestUnit.JSON.readTree(sets().get(0).stdin());
    assertEquals("\"foo\"", published.get("string").asText());
    assertEquals("null", published.get("none").asText());
    assertEquals("{\"alpha\": \"\\u00e9\\ud83d\\ude00\", \"zeta\": [1, 2.0, true]}",
        published.get("nested").asText());
    assertEquals("1e+16", published.get("float").asText());
    assertEquals("5432", published.get("int").asText());
  }

  @Test
  void onlyChangesArePublishedAndRemovalsAreDeletions() throws Exception {
    unit.rel("db:1").putLocal(Map.of("keep", "\"same\"", "drop", "1",
        "ingress-address", "10.1.1.1"));
    HookRun r = run(e -> {
      JsonDataView out = e.get("db").relations().get(0).toPublish();
      out.put("keep", "same");
      out.remove("drop");
      out.put("new", 2);
    });
    assertTrue(r.succeeded(), () -> "" + r.error());
    assertEquals(1, sets().size());
    assertEquals(Map.of("drop", "", "new", "2"),
        TestUnit.JSON.convertValue(TestUnit.JSON.readTree(sets().get(0).stdin()), Map.class),
        "unchanged keys are not re-sent; a removal is published");
    assertFalse(unit.rel("db:1").localUnitData().containsKey("drop"));
  }

  @Test
  void writingTheValuesAlreadyPublishedCallsNoTool() {
    unit.rel("db:1").putLocal(Map.of("database", "\"app\""));
    HookRun r = run(e -> e.get("db").relations().get(0).toPublish().put("database", "app"));
    assertTrue(r.succeeded());
    assertTrue(sets().isEmpty());
  }

  @Test
  void aFailingHookPublishesNothing() {
    HookRun r = run(e -> {
      e.get("db").relations().get(0).toPublish().put("database", "app");
      throw new IllegalStateException("boom");
    });
    assertFalse(r.succeeded());
    assertTrue(sets().isEmpty(), "data is published only at the end of a successful hook");
    assertFalse(r.committed());
  }

  @Test
  void theApplicationBagIsTheLeadersOnly() {
    List<Throwable> errors = new ArrayList<>();
    HookRun r = run(e -> {
      Relation rel = e.get("db").relations().get(0);
      errors.add(assertThrows(LeaderOnlyException.class, () -> rel.toPublishApp().put("x", 1)));
      errors.add(assertThrows(LeaderOnlyException.class, () -> rel.toPublishApp().get("x")));
    });
    assertTrue(r.succeeded());
    assertTrue(errors.get(0).getMessage().contains("only the leader may write"), errors.get(0).getMessage());
    assertTrue(errors.get(0).getMessage().contains("db:1"));
    assertTrue(sets().isEmpty());

    HookRun failing = run(e -> e.get("db").relations().get(0).toPublishApp().put("x", 1));
    assertFalse(failing.succeeded());
    assertInstanceOf(LeaderOnlyException.class, failing.error().orElseThrow().getCause());

    unit.state = unit.state.withLeader(true);
    HookRun leader = run(e -> e.get("db").relations().get(0).toPublishApp().put("x", 1));
    assertTrue(leader.succeeded(), () -> "" + leader.error());
    assertEquals(List.of("-r", "db:1", "--app", "--file", "-"), sets().get(0).args());
    assertEquals("1", unit.rel("db:1").localAppData().get("x"));
  }

  @Test
  void remoteDataCannotBeModified() {
    unit.rel("db:1").unit("pg/0", Map.of("host", "h"));
    List<Throwable> errors = new ArrayList<>();
    HookRun r = run(e -> {
      errors.add(assertThrows(UnsupportedOperationException.class,
          () -> e.get("db").allJoinedUnits().get(0).received().put("host", "x")));
      errors.add(assertThrows(UnsupportedOperationException.class,
          () -> e.get("db").relations().get(0).receivedApp().put("host", "x")));
    });
    assertTrue(r.succeeded());
    assertTrue(errors.get(0).getMessage().contains("pg/0"), errors.get(0).getMessage());
  }

  @Test
  void receivedAppReadsTheRemoteApplicationsBag() {
    unit.rel("db:1").remoteAppData(Map.of("version", "\"14\""));
    List<String> seen = new ArrayList<>();
    HookRun r = run(e -> seen.add(e.get("db").relations().get(0).receivedApp().text("version").orElse("?")));
    assertTrue(r.succeeded());
    assertEquals(List.of("14"), seen);
  }

  @Test
  void relationsAndUnitsAreInNumericOrder() {
    unit.relation("db", 10, "pg").unit("pg/10", Map.of("k", "\"ten\"")).unit("pg/2", Map.of("k", "\"two\""));
    unit.relation("db", 2, "pg").unit("pg/3", Map.of());
    unit.rel("db:1").unit("pg/0", Map.of("k", "\"zero\""));
    List<String> seen = new ArrayList<>();
    HookRun r = run(e -> {
      Endpoint db = e.get("db");
      db.relations().forEach(rel -> seen.add(rel.relationId()));
      db.allJoinedUnits().forEach(u -> seen.add(u.toString()));
      seen.add(db.allJoinedUnits().received().text("k").orElseThrow());
    });
    assertTrue(r.succeeded());
    assertEquals(List.of("db:1", "db:2", "db:10", "pg/0@db:1", "pg/3@db:2", "pg/2@db:10",
        "pg/10@db:10", "zero"), seen, "the original's string order put db:10 before db:2");
  }

  @Test
  void applicationNameIsNeverTheLocalApplicationOfAnEmptyRelation() {
    unit.relation("db", 7, "remote-pg");
    List<Object> seen = new ArrayList<>();
    HookRun r = run(e -> seen.add(e.get("db").relation(7).orElseThrow().applicationName()));
    assertTrue(r.succeeded(), () -> "" + r.error());
    assertEquals(List.of(java.util.Optional.of("remote-pg")), seen, "from relation-list --app");
  }

}
