package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.ReactiveCharm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** States and events Juju could never produce for the demo charm are refused before running. */
class ConsistencyCheckTest {
  private static Harness harness;

  @BeforeAll
  static void open() {
    harness = Harness.of(Scenes.CHARM_DIR, ReactiveCharm.builder().build());
  }

  @AfterAll
  static void close() {
    harness.close();
  }

  private static List<String> problems(HookEvent event, JujuState state) {
    InconsistentStateException e = assertThrows(InconsistentStateException.class,
        () -> harness.run(event, state));
    assertTrue(e.getMessage().contains(event.toString()), e.getMessage());
    return e.problems();
  }

  private static void assertProblem(String expected, HookEvent event, JujuState state) {
    List<String> problems = problems(event, state);
    assertEquals(List.of(expected), problems);
  }

  @Test
  void aRelationHookOnAnUndeclaredEndpoint() {
    RelationState cache = RelationState.of("cache", 5, "redis");
    List<String> problems = problems(HookEvent.relationJoined(cache, "redis/0"),
        harness.state().withRelation(cache.withRemoteUnit("redis/0")));
    assertEquals(List.of(
        "relation cache:5: endpoint 'cache' is not declared in metadata.yaml (declared: website, "
            + "db, cluster)",
        "hook cache-relation-joined: endpoint 'cache' is not declared in metadata.yaml "
            + "(declared: website, db, cluster)"), problems);
  }

  @Test
  void storageAndActionsMustBeDeclared() {
    assertProblem("hook logs-storage-attached: storage 'logs' is not declared in metadata.yaml "
        + "(declared: data)", HookEvent.storageAttached("logs", 0), harness.state());
    assertProblem("action restore: not declared in actions.yaml (declared: backup, tune)",
        HookEvent.action("restore"), harness.state());
  }

  @Test
  void actionParametersAreTypeChecked() {
    assertProblem("action backup: parameter 'compress' must be of type boolean, was the string "
        + "\"yes\"", HookEvent.action("backup", Map.of("compress", "yes")), harness.state());
    List<String> problems = problems(HookEvent.action("tune", Map.of("extra", 1)),
        harness.state());
    assertEquals(List.of("action tune: parameter 'extra' is not declared and the action sets "
        + "additionalProperties: false", "action tune: required parameter 'level' is missing"),
        problems);
  }

  @Test
  void unknownUnitHooksAndHooksRemovedInJuju4() {
    assertTrue(problems(HookEvent.unit("leader-deposed"), harness.state()).get(0)
        .startsWith("hook leader-deposed: Juju runs no such unit hook"));
    assertProblem("hook collect-metrics: removed in Juju 4.0, but the state's Juju version is "
        + "4.0.1", HookEvent.collectMetrics(), harness.state().withJujuVersion("4.0.1"));
  }

  @Test
  void configKeysAndTypesFollowConfigYaml() {
    List<String> problems = problems(HookEvent.configChanged(), harness.state()
        .withConfig("port", "eighty").withConfig("colour", "blue").withConfig("ratio", 2)
        .withConfig("debug", "true"));
    assertEquals(List.of(
        "config option 'colour' is not declared in config.yaml (declared: port, name, ratio, "
            + "debug, token)",
        "config option 'debug' has type boolean in config.yaml, but the state gives the string "
            + "\"true\"",
        "config option 'port' has type int in config.yaml, but the state gives the string "
            + "\"eighty\""), problems, "an int is a fine float");
  }

  @Test
  void relationHooksNeedTheirRemoteUnit() {
    JujuState state = harness.state().withRelation(Scenes.DB);
    assertTrue(problems(HookEvent.relationChanged(Scenes.DB, null), state).get(0)
        .startsWith("hook db-relation-changed: Juju always gives relation-changed a remote unit"));
    assertTrue(problems(HookEvent.relationJoined(Scenes.DB, ""), state).get(0)
        .startsWith("hook db-relation-joined: Juju always gives relation-joined a remote unit"));
    assertProblem("hook db-relation-departed: remote unit 'postgresql/9' is not in relation db:7 "
        + "(units: [postgresql/0, postgresql/1])",
        HookEvent.relationDeparted(Scenes.DB, "postgresql/9"), state);
    HookOutcome appChange = harness.run(HookEvent.relationAppChanged(Scenes.DB), state);
    assertEquals("", appChange.environment().get("JUJU_REMOTE_UNIT"),
        "an application-bag change is the one relation-changed without a remote unit");
  }

  @Test
  void relationsMustBeWellFormed() {
    RelationState stray = RelationState.of("db", 7, "mysql").withRemoteUnit("postgresql/0");
    JujuState state = harness.state().withRelations(List.of(Scenes.DB, stray,
        RelationState.peer("cluster", 3).withRemoteUnit("demo/0")
            .withRemoteAppData(Map.of("a", "b"))));
    assertEquals(List.of(
        "relation db:7: another relation in the state has id 7",
        "relation db:7: remote unit 'postgresql/0' is not a unit of mysql",
        "relation cluster:3: a peer relation has one application bag: put the data in "
            + "localAppData, not remoteAppData",
        "relation cluster:3: the peers must not include this unit (demo/0)"),
        problems(HookEvent.updateStatus(), state));
    assertProblem("relation db:8: interface 'mysql' differs from 'pgsql' in metadata.yaml",
        HookEvent.updateStatus(), harness.state().withRelation(RelationState.of("db", 8,
            "postgresql").withInterface("mysql")));
  }

  @Test
  void theEventsRelationMustBeInTheStateOnItsEndpoint() {
    assertProblem("hook db-relation-created: relation db:7 is not in the state; add it with "
        + "JujuState.withRelation", HookEvent.relationCreated(Scenes.DB), harness.state());
    assertProblem("hook cluster-relation-broken: Juju never runs relation-broken for a peer "
        + "relation", HookEvent.relationBroken(Scenes.CLUSTER),
        harness.state().withRelation(Scenes.CLUSTER));
  }

  @Test
  void networksAndPortsNameDeclaredBindings() {
    List<String> problems = problems(HookEvent.updateStatus(), harness.state()
        .withNetwork("mgmt", Network.of("10.0.0.1"))
        .withOpenedPorts(java.util.Set.of(Port.tcp(80).forEndpoint("mgmt"))));
    assertEquals(List.of("network binding 'mgmt' is neither an endpoint nor an extra binding in "
        + "metadata.yaml", "opened port 80/tcp is for endpoint 'mgmt', which metadata.yaml does "
        + "not declare"), problems);
  }

  @Test
  void checksCanBeTurnedOffForDeliberatelyImpossibleStates() {
    try (Harness unchecked = Harness.builder(Scenes.CHARM_DIR).charm(ReactiveCharm.builder()
        .build()).consistencyChecks(false).build()) {
      HookOutcome out = unchecked.run(HookEvent.configChanged(),
          unchecked.state().withConfig("colour", "blue"));
      assertEquals(0, out.exitCode());
    }
  }
}
