package charms.reactive.relations;

import org.junit.jupiter.api.AfterEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.FlagFact;
import charms.reactive.Handler;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.When;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Interface handlers declared on endpoint classes, and the interfaces' flag sources. */
class InterfaceHandlersTest {
  static final String DB = TestInterfaces.DbRequires.class.getName();
  @TempDir
  Path dir;
  TestUnit unit;
  final List<String> log = new ArrayList<>();
  final List<Object> captured = new ArrayList<>();

  @AfterEach
  void closeUnit() {
    unit.close();
  }

  @BeforeEach
  void setUp() {
    unit = new TestUnit(dir, "app/0", TestInterfaces.METADATA);
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder()
            .endpoint("pgsql", Role.REQUIRES, TestInterfaces.DbRequires.class,
                () -> new TestInterfaces.DbRequires(log))
            .endpoint("http", Role.PROVIDES, TestInterfaces.HttpProvides.class,
                () -> new TestInterfaces.HttpProvides(log))
            .build())
        .build());
  }

  @Test
  void handlersAreRegisteredPerEndpointInSourceOrderWithStableIds() {
    unit.relation("db", 1, "pg").unit("pg/0", Map.of("host", "h1"));
    unit.relation("replica", 2, "pg2").unit("pg2/0", Map.of("host", "h2"));
    HookRun run = unit.relationHook("db:1", "joined", "pg/0");
    assertTrue(run.succeeded(), () -> "" + run.error());
    assertEquals(List.of(DB + ".zRequest:db", DB + ".zRequest:replica", DB + ".aHostChanged:db",
        DB + ".aHostChanged:replica"), run.handlersRun(),
        "source order (zRequest is declared first), each handler once per endpoint, endpoints by name");
    assertTrue(log.containsAll(List.of("request:db", "request:replica", "host:replica=h2 by "
        + DB + ".aHostChanged:replica")), log::toString);
    assertTrue(run.flags().containsKey("db.requested") && run.flags().containsKey("replica.requested"),
        "{endpoint_name} expanded per endpoint");
  }

  @Test
  void eachHandlerRunsWithItsOwnEndpointInstance() {
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    unit.relation("replica", 2, "pg2").unit("pg2/0", Map.of());
    HookRun run = unit.relationHook("db:1", "joined", "pg/0");
    assertTrue(run.succeeded());
    assertEquals("\"app-db\"", unit.rel("db:1").localUnitData().get("database"));
    assertEquals("\"app-replica\"", unit.rel("replica:2").localUnitData().get("database"));
  }

  @Test
  void aRoleInterfaceHookGroupStandsForTheHandlersOwnRelation() {
    unit.relation("website", 3, "proxy").unit("proxy/0", Map.of());
    HookRun run = unit.relationHook("website:3", "joined", "proxy/0");
    assertTrue(run.succeeded(), () -> "" + run.error());
    assertEquals(List.of(TestInterfaces.HttpProvides.class.getName() + ".joinedHook:website"),
        run.handlersRun().subList(0, 1));
    assertEquals("80", unit.rel("website:3").localUnitData().get("port"));
    assertEquals("\"web.example\"", unit.rel("website:3").localUnitData().get("hostname"));
  }

  @Test
  void theInterfaceFlagSourceDerivesFlagsFromRelationData() {
    TestUnit.Rel rel = unit.relation("db", 1, "pg").unit("pg/0", Map.of("host", "h"));
    HookRun partial = unit.relationHook("db:1", "joined", "pg/0");
    assertFalse(partial.flags().containsKey("db.available"));
    rel.remote("pg/0", "port", "5432");
    HookRun ready = unit.relationHook("db:1", "changed", "pg/0");
    assertTrue(ready.flags().containsKey("db.available"));
    assertFalse(ready.flags().containsKey("replica.available"), "replica has no data");
    rel.depart("pg/0");
    HookRun gone = unit.relationHook("db:1", "departed", "pg/0");
    assertFalse(gone.flags().containsKey("db.available"), "derived flags follow the data away");
  }

  @Test
  void theSourcesEmitAutomaticFlagsFirstThenInterfaceFacts() {
    ReactiveCharm charm = ReactiveCharm.builder()
        .use(Relations.builder()
            .endpoint("pgsql", Role.REQUIRES, TestInterfaces.DbRequires.class,
                () -> new TestInterfaces.DbRequires(log))
            .build())
        .handler(Handler.named("verify").hook("db-relation-changed").invoke(ctx -> {
          // Subscribed again inside the hook, the source is cold and free of side effects: the
          // same facts as at the start (the changes the start's scan found), twice over.
          for (int round = 0; round < 2; round++) {
            StepVerifier.create(new EndpointFlags().facts(ctx).map(FlagFact::flag))
                .expectNext("endpoint.cache.joined", "endpoint.cluster.joined")
                .expectNext("endpoint.db.joined", "endpoint.db.departed", "endpoint.db.changed",
                    "endpoint.db.changed.host", "endpoint.db.changed.port")
                .expectNext("endpoint.replica.joined", "endpoint.website.joined")
                .verifyComplete();
          }
          StepVerifier.create(new InterfaceFacts().facts(ctx))
              .expectNext(FlagFact.set("db.available"), FlagFact.cleared("replica.available"))
              .verifyComplete();
          TestInterfaces.DbRequires db = ctx.service(Endpoints.class).get("db", TestInterfaces.DbRequires.class);
          StepVerifier.create(db.facts())
              .expectNextMatches(f -> f.flag().equals("{endpoint_name}.available") && f.set())
              .verifyComplete();
          captured.add("verified");
        }))
        .build();
    unit.charm(charm);
    unit.relation("db", 1, "pg").unit("pg/0", Map.of("host", "h", "port", "1"));
    HookRun run = unit.relationHook("db:1", "changed", "pg/0");
    assertTrue(run.succeeded(), () -> "" + run.error());
    assertEquals(List.of("verified"), captured);
  }

  @Test
  void aFailingFluxSourceFailsTheHookAndCommitsNothing() {
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder().endpoint("pgsql", Role.REQUIRES, Failing.class, Failing::new).build())
        .build());
    unit.relation("db", 1, "pg").unit("pg/0", Map.of("host", "h"));
    HookRun run = unit.relationHook("db:1", "joined", "pg/0");
    assertFalse(run.succeeded());
    assertFalse(run.committed());
    assertTrue(unit.calls("relation-set").isEmpty());
    assertTrue(run.error().orElseThrow().getMessage().contains("bad data"));
  }

  public static class Failing extends Endpoint {
    @Override
    public Flux<FlagFact> facts() {
      return Flux.error(new IllegalStateException("bad data"));
    }
  }

  @Test
  void malformedInterfaceHandlersFailTheBuild() {
    HandlerDefinitionException bad = assertThrows(HandlerDefinitionException.class,
        () -> Relations.builder().endpoint("x", Role.REQUIRES, StaticHandler.class, StaticHandler::new).build());
    assertTrue(bad.getMessage().contains("StaticHandler.broken is static"), bad.getMessage());
    HandlerDefinitionException returns = assertThrows(HandlerDefinitionException.class,
        () -> Relations.builder().endpoint("x", Role.REQUIRES, BadReturn.class, BadReturn::new).build());
    assertTrue(returns.getMessage().contains("returns java.lang.String"), returns.getMessage());
  }

  /** (An invalid flag is already a compile error: see PlaceholderCompileTest.) */
  public static class StaticHandler extends Endpoint {
    @When("endpoint.{endpoint_name}.joined")
    public static void broken() {
    }
  }

  public static class BadReturn extends Endpoint {
    @When("endpoint.{endpoint_name}.joined")
    public String value() {
      return "x";
    }
  }

  @Test
  void theSameEndpointInstanceServesHandlersLookupsAndParameters() {
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder()
            .endpoint("pgsql", Role.REQUIRES, TestInterfaces.DbRequires.class,
                () -> new TestInterfaces.DbRequires(log))
            .build())
        .handlers(new Object() {
          @When("db.requested")
          public void take(TestInterfaces.DbRequires db, Endpoints all) {
            captured.add(db);
            captured.add(all.get("db"));
          }
        })
        .build());
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    HookRun run = unit.relationHook("db:1", "joined", "pg/0");
    assertTrue(run.succeeded(), () -> "" + run.error());
    assertEquals(2, captured.size());
    assertSame(captured.get(0), captured.get(1));
    assertEquals("db", ((Endpoint) captured.get(0)).endpointName());
  }
}
