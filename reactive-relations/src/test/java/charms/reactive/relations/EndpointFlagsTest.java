package charms.reactive.relations;

import org.junit.jupiter.api.AfterEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The automatic endpoint flags, with this framework's differences (scan every hook, removals). */
class EndpointFlagsTest {
  @TempDir
  Path dir;
  TestUnit unit;
  final List<String> log = new ArrayList<>();
  /**
   * The changed.* flags of the cache relation (served by the generic endpoint: no interface
   * handler consumes them) that each hook's "consume" handler saw; it then clears them.
   */
  final List<List<String>> changedSeen = new ArrayList<>();

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
            .build())
        .handler(Handler.named("consume").when("endpoint.cache.changed").invoke(ctx -> {
          List<String> seen = new ArrayList<>();
          for (String f : ctx.flags().list()) {
            if (f.startsWith("endpoint.cache.changed")) {
              seen.add(f);
              ctx.flags().clear(f);
            }
          }
          changedSeen.add(seen);
        }))
        .build());
  }

  static void assertOk(HookRun run) {
    assertTrue(run.succeeded(), () -> "hook failed: " + run.error());
  }

  @Test
  void joinedFollowsTheRemoteUnits() {
    unit.relation("db", 1, "pg").unit("pg/0", Map.of("host", "10.0.0.1"));
    HookRun joined = unit.relationHook("db:1", "joined", "pg/0");
    assertOk(joined);
    assertTrue(joined.flags().containsKey("endpoint.db.joined"));
    assertFalse(joined.flags().containsKey("endpoint.replica.joined"), "replica has no relation");

    unit.rel("db:1").depart("pg/0");
    HookRun departed = unit.relationHook("db:1", "departed", "pg/0");
    assertOk(departed);
    assertFalse(departed.flags().containsKey("endpoint.db.joined"));
    assertTrue(departed.flags().containsKey("endpoint.db.departed"));
  }

  @Test
  void changedFlagsNameEveryNewFieldOnceAndNotAgainWhenUnchanged() {
    unit.relation("cache", 4, "redis").unit("redis/0", Map.of("host", "10.0.0.1", "port", "5432"));
    assertOk(unit.relationHook("cache:4", "joined", "redis/0"));
    assertEquals(List.of("endpoint.cache.changed", "endpoint.cache.changed.host",
        "endpoint.cache.changed.port"), changedSeen.get(0));

    assertOk(unit.relationHook("cache:4", "changed", "redis/0"));
    assertEquals(1, changedSeen.size(), "nothing changed, so the consumer did not run again");
  }

  @Test
  void aRemovedFieldCountsAsAChange() {
    TestUnit.Rel rel = unit.relation("cache", 4, "redis")
        .unit("redis/0", Map.of("host", "10.0.0.1", "password", "secret"));
    assertOk(unit.relationHook("cache:4", "joined", "redis/0"));
    rel.remote("redis/0", "password", null);
    assertOk(unit.relationHook("cache:4", "changed", "redis/0"));
    assertEquals(List.of("endpoint.cache.changed", "endpoint.cache.changed.password"), changedSeen.get(1));
  }

  @Test
  void theDataScanRunsInHooksThatAreNotTheEndpointsOwn() {
    TestUnit.Rel rel = unit.relation("cache", 4, "redis").unit("redis/0", Map.of("host", "10.0.0.1"));
    assertOk(unit.relationHook("cache:4", "joined", "redis/0"));
    rel.remote("redis/0", "host", "10.0.0.2");
    assertOk(unit.hook("update-status"));
    assertEquals(List.of("endpoint.cache.changed", "endpoint.cache.changed.host"), changedSeen.get(1),
        "the original skipped the scan once joined outside cache's own hooks");
  }

  @Test
  void reEncodingTheSameValueIsNoChange() {
    TestUnit.Rel rel = unit.relation("cache", 4, "redis")
        .unit("redis/0", Map.of("cfg", "{\"a\": 1, \"b\": [1, 2]}"));
    assertOk(unit.relationHook("cache:4", "joined", "redis/0"));
    rel.remote("redis/0", "cfg", "{\"b\":[1,2],\"a\":1}");
    assertOk(unit.relationHook("cache:4", "changed", "redis/0"));
    assertEquals(1, changedSeen.size(), "decoded values are compared, not their text");
  }

  @Test
  void departedIsSetInTheDepartedHookAndClearedOnceJoinedAgain() {
    TestUnit.Rel rel = unit.relation("db", 1, "pg")
        .unit("pg/0", Map.of("host", "a")).unit("pg/1", Map.of("host", "b"));
    assertOk(unit.relationHook("db:1", "joined", "pg/0"));
    rel.depart("pg/1");
    HookRun departed = unit.relationHook("db:1", "departed", "pg/1");
    assertOk(departed);
    assertTrue(departed.flags().containsKey("endpoint.db.departed"));
    assertTrue(departed.flags().containsKey("endpoint.db.joined"), "pg/0 is still there");

    HookRun next = unit.hook("update-status");
    assertOk(next);
    assertFalse(next.flags().containsKey("endpoint.db.departed"),
        "cleared at the start of a later hook in which the endpoint is still joined");
  }

  @Test
  void departedStaysWhileNoUnitIsLeft() {
    TestUnit.Rel rel = unit.relation("db", 1, "pg").unit("pg/0", Map.of());
    assertOk(unit.relationHook("db:1", "joined", "pg/0"));
    rel.depart("pg/0");
    assertOk(unit.relationHook("db:1", "departed", "pg/0"));
    HookRun next = unit.hook("update-status");
    assertTrue(next.flags().containsKey("endpoint.db.departed"));
    assertFalse(next.flags().containsKey("endpoint.db.joined"));
  }

  @Test
  void aFieldNameThatCannotBeAFlagStillSetsChangedWithoutCrashing() {
    unit.relation("cache", 4, "redis").unit("redis/0", Map.of("bad key", "1", "tab\there", "2",
        "{endpoint_name}", "3", "x".repeat(500), "4", "good", "5"));
    HookRun run = unit.relationHook("cache:4", "joined", "redis/0");
    assertOk(run);
    assertEquals(List.of("endpoint.cache.changed", "endpoint.cache.changed.good"), changedSeen.get(0));
  }

  @Test
  void interfaceHandlersConsumeTheirChangedFlagsBeforeCharmHandlersRun() {
    unit.relation("db", 1, "pg").unit("pg/0", Map.of("host", "10.0.0.1"));
    HookRun run = unit.relationHook("db:1", "joined", "pg/0");
    assertOk(run);
    assertTrue(log.contains("host:db=10.0.0.1 by " + TestInterfaces.DbRequires.class.getName()
        + ".aHostChanged:db"), log::toString);
    assertFalse(run.flags().containsKey("endpoint.db.changed.host"), "the interface cleared it");
    assertTrue(run.flags().containsKey("endpoint.db.changed"), "never cleared automatically");
  }

  @Test
  void genericEndpointsOfUnimplementedRelationsHaveTheirFlagsToo() {
    unit.relation("cache", 4, "redis").unit("redis/0", Map.of("host", "r"));
    HookRun run = unit.relationHook("cache:4", "joined", "redis/0");
    assertOk(run);
    assertTrue(run.flags().containsKey("endpoint.cache.joined"));
    assertEquals(List.of("endpoint.cache.changed", "endpoint.cache.changed.host"), changedSeen.get(0));
  }

  @Test
  void restrictedHooksDoNotTouchEndpointFlags() {
    TestUnit.Rel rel = unit.relation("db", 1, "pg").unit("pg/0", Map.of("host", "a"));
    assertOk(unit.relationHook("db:1", "joined", "pg/0"));
    rel.depart("pg/0");
    int before = unit.calls().size();
    HookRun metrics = unit.hook("collect-metrics");
    assertOk(metrics);
    assertTrue(metrics.flags().containsKey("endpoint.db.joined"), "not refreshed in restricted mode");
    assertEquals(before, unit.calls().size(), "no relation tool is called in restricted mode");
  }
}
