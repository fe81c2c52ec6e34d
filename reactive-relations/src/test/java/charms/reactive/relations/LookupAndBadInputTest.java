package charms.reactive.relations;

import org.junit.jupiter.api.AfterEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.When;
import charms.reactive.juju.HookToolException;
import charms.reactive.testing.ToolAnswer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding implementations and endpoints, and what bad input does: clear errors, no half hooks. */
class LookupAndBadInputTest {
  /** Found through META-INF/services in the test resources. */
  public static class TestProvider implements InterfaceProvider {
    @Override
    public List<Implementation<?>> implementations() {
      return List.of(Implementation.endpoint("redis", Role.REQUIRES, RedisRequires.class, RedisRequires::new));
    }
  }

  public static class RedisRequires extends Endpoint {
  }

  @TempDir
  Path dir;
  TestUnit unit;
  final List<String> log = new ArrayList<>();
  Consumer<Endpoints> work = e -> { };

  @AfterEach
  void closeUnit() {
    unit.close();
  }

  @BeforeEach
  void setUp() {
    unit = new TestUnit(dir, "app/0", TestInterfaces.METADATA);
    unit.charm(charm(Relations.builder()
        .endpoint("pgsql", Role.REQUIRES, TestInterfaces.DbRequires.class,
            () -> new TestInterfaces.DbRequires(log))));
  }

  ReactiveCharm charm(Relations.Builder relations) {
    return ReactiveCharm.builder()
        .use(relations.build())
        .handler(Handler.named("work").hook("{db,cache}-relation-{joined,changed,departed}", "update-status")
            .invoke(ctx -> work.accept(ctx.service(Endpoints.class))))
        .build();
  }

  @Test
  void anUnknownRelationNameIsAClearErrorAndTheHookCommitsAndPublishesNothing() {
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    work = e -> {
      e.get("db").relations().get(0).toPublish().put("x", 1);
      e.get("dbb");
    };
    HookRun run = unit.relationHook("db:1", "joined", "pg/0");
    assertFalse(run.succeeded());
    assertFalse(run.committed());
    assertTrue(unit.calls("relation-set").isEmpty());
    RelationException e = assertInstanceOf(RelationException.class, run.error().orElseThrow().getCause());
    assertEquals("no relation named 'dbb' in metadata.yaml (it declares cache, cluster, db, replica, "
        + "website)", e.getMessage());
  }

  @Test
  void aMissingImplementationIsServedGenericallyAndNamedWhenATypeIsAskedFor() {
    unit.relation("cache", 2, "redis").unit("redis/0", Map.of());
    List<String> seen = new ArrayList<>();
    work = e -> {
      seen.add(e.get("cache").getClass().getSimpleName());
      seen.add(e.unimplemented().toString());
      seen.add(assertThrows(RelationException.class, () -> e.get("cache", RedisRequires.class)).getMessage());
    };
    HookRun run = unit.relationHook("cache:2", "joined", "redis/0");
    assertTrue(run.succeeded(), () -> "" + run.error());
    assertEquals("GenericEndpoint", seen.get(0));
    assertEquals("[cache, cluster, website]", seen.get(1));
    assertTrue(seen.get(2).contains("relation 'cache' (requires redis) has no registered implementation"), seen.get(2));
  }

  @Test
  void requiringImplementationsFailsTheHookAtItsStart() {
    unit.charm(charm(Relations.builder().requireImplementations()
        .endpoint("pgsql", Role.REQUIRES, TestInterfaces.DbRequires.class,
            () -> new TestInterfaces.DbRequires(log))));
    HookRun run = unit.hook("install");
    assertFalse(run.succeeded());
    assertFalse(run.committed());
    assertTrue(run.handlersRun().isEmpty());
    assertEquals("no implementation is registered for relations cache (requires redis), cluster "
        + "(peers app-peers), website (provides http); register one with "
        + "Relations.builder().implementation(...) or an InterfaceProvider",
        run.error().orElseThrow().getMessage());
  }

  @Test
  void serviceLoaderDiscoveryFindsInterfaceProviders() {
    unit.charm(charm(Relations.builder().discover()));
    unit.relation("cache", 2, "redis").unit("redis/0", Map.of());
    List<Object> seen = new ArrayList<>();
    work = e -> seen.add(e.get("cache", RedisRequires.class).endpointName());
    HookRun run = unit.relationHook("cache:2", "joined", "redis/0");
    assertTrue(run.succeeded(), () -> "" + run.error());
    assertEquals(List.of("cache"), seen);
  }

  @Test
  void registrationMistakesAreRejectedAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> new Implementation<>("x", Role.REQUIRES,
        String.class, () -> "not an endpoint"));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () ->
        Relations.builder().endpoint("redis", Role.REQUIRES, RedisRequires.class, RedisRequires::new)
            .endpoint("redis", Role.REQUIRES, TestInterfaces.DbRequires.class, () -> null));
    assertTrue(twice.getMessage().contains("two implementations for requires/redis"), twice.getMessage());
    assertEquals(Role.PEERS, Role.fromKey("peers"));
    assertThrows(IllegalArgumentException.class, () -> Role.fromKey("peer"));
  }

  @Test
  void aFactoryReturningTheWrongThingIsAClearError() {
    unit.charm(charm(Relations.builder().endpoint("redis", Role.REQUIRES, RedisRequires.class, () -> null)));
    HookRun run = unit.hook("install");
    assertFalse(run.succeeded());
    assertTrue(run.error().orElseThrow().getMessage().contains("made null, not a "
        + RedisRequires.class.getName()), run.error().orElseThrow().getMessage());
  }

  @Test
  void aDepartedRelationMissingFromRelationIdsIsRecordedWithoutCrashing() {
    // Juju no longer lists the relation (the original raised KeyError here) and the
    // departed unit's data cannot be read any more.
    unit.relation("db", 1, "pg").unit("pg/0", Map.of("host", "h"));
    assertTrue(unit.relationHook("db:1", "joined", "pg/0").succeeded());
    unit.state = unit.state.withoutRelation(1);
    unit.unchecked(); // Juju itself runs no relation hook for a relation it no longer lists
    HookRun run = unit.relationHook("db:1", "departed", "pg/0");
    assertTrue(run.succeeded(), () -> "" + run.error());
    assertTrue(run.flags().containsKey("endpoint.db.departed"));
    List<DepartedUnit> departed = new ArrayList<>();
    work = e -> departed.addAll(e.get("db").allDepartedUnits());
    assertTrue(unit.hook("update-status").succeeded());
    assertEquals(List.of(new DepartedUnit("db:1", "pg/0", new java.util.TreeMap<>())), departed);
  }

  @Test
  void departedUnitsKeepTheirDataUntilTheCharmRemovesThem() {
    TestUnit.Rel rel = unit.relation("db", 1, "pg").unit("pg/0", Map.of("host", "\"h0\""))
        .unit("pg/1", Map.of("host", "\"h1\""));
    assertTrue(unit.relationHook("db:1", "joined", "pg/0").succeeded());
    rel.depart("pg/1");
    assertTrue(unit.relationHook("db:1", "departed", "pg/1").succeeded());
    List<Object> seen = new ArrayList<>();
    work = e -> {
      DepartedUnits departed = e.get("db").allDepartedUnits();
      seen.add(departed.size());
      seen.add(departed.get(0).received().text("host").orElseThrow());
      DepartedUnit removed = departed.remove(0);
      seen.add(removed.unitName());
    };
    assertTrue(unit.hook("update-status").succeeded());
    assertEquals(List.of(1, "h1", "pg/1"), seen, "remove returns the unit (the original's pop returned None)");
    assertNull(unit.committed().framework().get("relations:endpoint.db.departed"),
        "the removal was committed with the hook");
  }

  @Test
  void aFailingHookToolFailsTheHookWithTheToolsError() {
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    unit.answer("relation-get", ToolAnswer.error(1, "connection refused"));
    HookRun run = unit.hook("update-status");
    assertFalse(run.succeeded());
    assertFalse(run.committed());
    assertInstanceOf(HookToolException.class, run.error().orElseThrow());
    assertTrue(run.error().orElseThrow().getMessage().contains("connection refused"));
  }

  @Test
  void ambiguousEndpointParametersNameTheWayOut() {
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder().endpoint("pgsql", Role.REQUIRES, TestInterfaces.DbRequires.class,
            () -> new TestInterfaces.DbRequires(log)).build())
        .handlers(new AmbiguousHandlers())
        .build());
    unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    HookRun run = unit.relationHook("db:1", "joined", "pg/0");
    assertTrue(log.contains("flag:db") && log.contains("named:replica"), log::toString);
    assertFalse(run.succeeded(), "the guess handler cannot be given an endpoint");
    String message = run.error().orElseThrow().getCause().getMessage();
    assertTrue(message.contains("handler guess: cannot tell which DbRequires parameter 'which' is: relations "
        + "[DbRequires[db], DbRequires[replica]] all are"), message);
    assertTrue(message.contains("@EndpointName"), message);
  }

  /** Endpoint parameters found from a flag, by name, and one that cannot be told apart. */
  public class AmbiguousHandlers {
    @When("endpoint.db.joined")
    public void fromFlag(TestInterfaces.DbRequires db) {
      log.add("flag:" + db.endpointName());
    }

    @When("endpoint.db.joined")
    public void aNamed(@EndpointName("replica") TestInterfaces.DbRequires replica) {
      log.add("named:" + replica.endpointName());
    }

    @charms.reactive.WhenNot("never")
    @charms.reactive.HandlerId("guess")
    public void guess(TestInterfaces.DbRequires which) {
      log.add("never");
    }
  }
}
