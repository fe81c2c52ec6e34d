package charms.reactive.relations;

import org.junit.jupiter.api.AfterEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.When;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request/response pattern with this framework's differences (per endpoint, relation honoured, defined order). */
class RequestResponseTest {
  public static class DbRequester extends RequesterEndpoint {
  }

  public static class DbResponder extends ResponderEndpoint {
    @When("endpoint.{endpoint_name}.new_requests")
    public void respond() {
      for (Request r : newRequests()) {
        r.respond(Map.of("password", "pw-" + r.text("user").orElse("?")));
      }
    }
  }

  final List<TestUnit> units = new ArrayList<>();

  TestUnit track(TestUnit unit) {
    units.add(unit);
    return unit;
  }

  @AfterEach
  void closeUnits() {
    units.forEach(TestUnit::close);
  }

  @TempDir
  Path dir;
  Consumer<Endpoints> work = e -> { };
  final List<Object> seen = new ArrayList<>();

  TestUnit requester() {
    TestUnit unit = track(new TestUnit(dir, "app/0", String.join("\n", "name: app", "requires:",
        "  db: {interface: reqdb}", "  db2: {interface: reqdb}", "")));
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder().endpoint("reqdb", Role.REQUIRES, DbRequester.class, DbRequester::new).build())
        .handler(Handler.named("work").hook("{db,db2}-relation-{joined,changed}", "update-status")
            .invoke(ctx -> work.accept(ctx.service(Endpoints.class))))
        .build());
    return unit;
  }

  static void ok(HookRun run) {
    assertTrue(run.succeeded(), () -> "" + run.error());
  }

  @Test
  void requestsArePublishedAsSortedJsonObjectsAndListedInADefinedOrder() throws Exception {
    TestUnit unit = requester();
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    work = e -> {
      DbRequester db = e.get("db", DbRequester.class);
      Relation rel = db.relations().get(0);
      db.createRequest(rel, Map.of("request_id", "b", "user", "bob"));
      db.createRequest(rel, Map.of("request_id", "a", "user", "alice", "roles", List.of("r")));
      seen.add(db.requests().stream().map(Request::id).toList());
    };
    ok(unit.relationHook("db:1", "joined", "pg/0"));
    assertEquals(List.of(List.of("a", "b")), seen, "by relation, then id (the original: UUID order)");
    assertEquals("{\"request_id\": \"a\", \"roles\": [\"r\"], \"user\": \"alice\"}",
        unit.rel("db:1").localUnitData().get("request_a"));
  }

  @Test
  void requestsBelongToTheirEndpointAndFindHonoursTheRelation() {
    TestUnit unit = requester();
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    unit.relation("db", 3, "pg3").unit("pg3/0", Map.of());
    unit.relation("db2", 2, "other").unit("other/0", Map.of());
    work = e -> {
      DbRequester db = e.get("db", DbRequester.class);
      DbRequester db2 = e.get("db2", DbRequester.class);
      if (db.requests().isEmpty()) {
        db.createRequest(db.relation(1).orElseThrow(), Map.of("request_id", "one", "user", "u"));
        db.createRequest(db.relation(3).orElseThrow(), Map.of("request_id", "three", "user", "u"));
        db2.createRequest(db2.relations().get(0), Map.of("request_id", "two", "user", "u"));
      }
      seen.add(db.requests().stream().map(Request::id).toList());
      seen.add(db2.requests().stream().map(Request::id).toList());
      seen.add(db.find(db.relation(3).orElseThrow(), Map.of("user", "u")).orElseThrow().id());
      seen.add(db.find(null, Map.of("user", "u")).orElseThrow().id());
      seen.add(db.findAll(null, Map.of("user", "nobody")).size());
    };
    ok(unit.relationHook("db:1", "joined", "pg/0"));
    ok(unit.hook("update-status"));
    assertEquals(List.of(List.of("one", "three"), List.of("two"), "three", "one", 0), seen.subList(5, 10),
        "reloaded from the published data in a later hook; db2's request is not db's");
    assertEquals(seen.subList(0, 5), seen.subList(5, 10));
  }

  @Test
  void responseFlagsNeedAtLeastOneRequestAndFollowTheResponses() {
    TestUnit unit = requester();
    TestUnit.Rel rel = unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    HookRun none = unit.relationHook("db:1", "joined", "pg/0");
    ok(none);
    assertFalse(none.flags().containsKey("endpoint.db.all_responses"),
        "no request: the original set all_responses");
    assertFalse(none.flags().containsKey("endpoint.db.has_responses"));

    work = e -> {
      DbRequester db = e.get("db", DbRequester.class);
      if (db.requests().isEmpty()) {
        db.createRequest(db.relations().get(0), Map.of("request_id", "x", "user", "u"));
        db.createRequest(db.relations().get(0), Map.of("request_id", "y", "user", "v"));
      }
    };
    ok(unit.relationHook("db:1", "changed", "pg/0"));
    rel.remote("pg/0", "response_x", "{\"request_id\": \"x\", \"password\": \"s\"}");
    HookRun one = unit.relationHook("db:1", "changed", "pg/0");
    ok(one);
    assertTrue(one.flags().containsKey("endpoint.db.has_responses"));
    assertFalse(one.flags().containsKey("endpoint.db.all_responses"));

    rel.remote("pg/0", "response_y", "{\"request_id\": \"y\", \"password\": \"t\"}");
    work = e -> {
      DbRequester db = e.get("db", DbRequester.class);
      seen.add(db.responseBy("user", "v", null).orElseThrow().text("password").orElseThrow());
      seen.add(db.responses().size());
    };
    HookRun all = unit.relationHook("db:1", "changed", "pg/0");
    ok(all);
    assertTrue(all.flags().containsKey("endpoint.db.all_responses"));
    assertEquals(List.of("t", 2), seen);
  }

  @Test
  void createOrUpdateUpdatesTheMatchingRequestOnThatRelation() throws Exception {
    TestUnit unit = requester();
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    work = e -> {
      DbRequester db = e.get("db", DbRequester.class);
      Relation r = db.relations().get(0);
      Request first = db.createOrUpdate(r, List.of("user"), Map.of("user", "u", "db", "one"));
      Request again = db.createOrUpdate(r, List.of("user"), Map.of("user", "u", "db", "two"));
      seen.add(first.id().equals(again.id()));
      seen.add(db.requests().size());
      seen.add(again.text("db").orElseThrow());
    };
    ok(unit.relationHook("db:1", "joined", "pg/0"));
    assertEquals(List.of(true, 1, "two"), seen);
  }

  @Test
  void theResponderAnswersWellFormedRequestsAndIgnoresMalformedOnes() throws Exception {
    TestUnit unit = track(new TestUnit(dir, "pg/0", String.join("\n", "name: pg", "provides:",
        "  clients: {interface: reqdb}", "")));
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder().endpoint("reqdb", Role.PROVIDES, DbResponder.class, DbResponder::new).build())
        .build());
    unit.relation("clients", 4, "app")
        .unit("app/10", Map.of("request_b", "{\"request_id\": \"b\", \"user\": \"bob\"}"))
        .unit("app/2", Map.of("request_a", "{\"request_id\": \"a\", \"user\": \"alice\"}",
            "request_junk", "not json", "request_mismatch", "{\"request_id\": \"other\"}",
            "request_list", "[1, 2]"));
    HookRun first = unit.relationHook("clients:4", "joined", "app/2");
    ok(first);
    assertEquals(List.of(DbResponder.class.getName() + ".respond:clients"), first.handlersRun());
    JsonNode a = TestUnit.JSON.readTree(unit.rel("clients:4").localUnitData().get("response_a"));
    assertEquals("pw-alice", a.get("password").asText());
    assertEquals("a", a.get("request_id").asText());
    assertTrue(unit.rel("clients:4").localUnitData().containsKey("response_b"));
    assertEquals(2, unit.rel("clients:4").localUnitData().keySet().stream()
        .filter(k -> k.startsWith("response_")).count(), "malformed requests are ignored");
    assertEquals(1, unit.calls("relation-set").size(), "both responses in one relation-set");

    HookRun second = unit.relationHook("clients:4", "changed", "app/2");
    ok(second);
    assertTrue(second.flags().containsKey("endpoint.clients.has_requests"));
    assertFalse(second.flags().containsKey("endpoint.clients.new_requests"));
    assertTrue(second.handlersRun().isEmpty());
  }

  @Test
  void onlyTheCreatorChangesARequestOrResponse() {
    TestUnit unit = requester();
    unit.relation("db", 1, "pg").unit("pg/0",
        Map.of("response_x", "{\"request_id\": \"x\", \"password\": \"s\"}"));
    work = e -> {
      DbRequester db = e.get("db", DbRequester.class);
      Request mine = db.createRequest(db.relations().get(0), Map.of("request_id", "x"));
      seen.add(assertThrows(IllegalStateException.class, () -> mine.respond(Map.of())).getMessage());
      seen.add(assertThrows(IllegalStateException.class, () -> mine.update("request_id", "y")).getMessage());
      Response received = mine.response().orElseThrow();
      seen.add(assertThrows(IllegalStateException.class, () -> received.update("password", "t")).getMessage());
    };
    ok(unit.relationHook("db:1", "joined", "pg/0"));
    assertTrue(((String) seen.get(0)).contains("own"), (String) seen.get(0));
    assertTrue(((String) seen.get(1)).contains("request_id"));
    assertTrue(((String) seen.get(2)).contains("received from pg/0"));
  }
}
