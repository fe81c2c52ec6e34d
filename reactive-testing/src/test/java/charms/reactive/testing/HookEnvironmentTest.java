package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.ReactiveCharm;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The environment of each hook kind, as Juju 3.x sets it. */
class HookEnvironmentTest {
  private static Harness harness;
  private static JujuState state;

  @BeforeAll
  static void open() {
    harness = Harness.builder(Scenes.CHARM_DIR).charm(ReactiveCharm.builder().build())
        .environment("EXTRA", "yes").build();
    state = harness.state().withRelation(Scenes.DB).withRelation(Scenes.CLUSTER);
  }

  @AfterAll
  static void close() {
    harness.close();
  }

  private static Map<String, String> env(HookEvent event) {
    HookOutcome out = harness.run(event, state);
    assertEquals(0, out.exitCode());
    return out.environment();
  }

  @Test
  void everyHookGetsTheAlwaysSetVariables() {
    Map<String, String> env = env(HookEvent.install());
    String dir = Scenes.CHARM.directory().toString();
    assertEquals(dir, env.get("CHARM_DIR"));
    assertEquals(dir, env.get("JUJU_CHARM_DIR"));
    assertEquals("install", env.get("JUJU_HOOK_NAME"));
    assertEquals("hooks/install", env.get("JUJU_DISPATCH_PATH"));
    assertEquals("demo/0", env.get("JUJU_UNIT_NAME"));
    assertEquals("3.6.4", env.get("JUJU_VERSION"));
    assertEquals("test-model", env.get("JUJU_MODEL_NAME"));
    assertEquals(state.modelUuid(), env.get("JUJU_MODEL_UUID"));
    assertEquals("tcp", env.get("JUJU_AGENT_SOCKET_NETWORK"));
    assertTrue(env.get("JUJU_AGENT_SOCKET_ADDRESS").startsWith("127.0.0.1:"));
    assertTrue(env.get("JUJU_CONTEXT_ID").startsWith("demo/0-install-"));
    assertTrue(env.get("PATH").startsWith(harness.toolsDirectory() + ":"));
    for (String empty : new String[] {"JUJU_PRINCIPAL_UNIT", "JUJU_AVAILABILITY_ZONE",
        "CLOUD_API_VERSION", "JUJU_CHARM_HTTP_PROXY", "JUJU_CHARM_HTTPS_PROXY",
        "JUJU_CHARM_FTP_PROXY", "JUJU_CHARM_NO_PROXY"}) {
      assertEquals("", env.get(empty), empty + " is set, and empty");
    }
    assertEquals("C.UTF-8", env.get("LANG"));
    assertEquals("yes", env.get("EXTRA"));
    assertFalse(env.containsKey("JUJU_RELATION"));
    assertFalse(env.containsKey("JUJU_ACTION_NAME"));
  }

  @Test
  void createdAndBrokenHaveAnEmptyRemoteUnit() {
    for (HookEvent event : new HookEvent[] {HookEvent.relationCreated(Scenes.DB),
        HookEvent.relationBroken(Scenes.DB)}) {
      Map<String, String> env = env(event);
      assertEquals("", env.get("JUJU_REMOTE_UNIT"), event + " sets JUJU_REMOTE_UNIT empty");
      assertEquals("db", env.get("JUJU_RELATION"));
      assertEquals("db:7", env.get("JUJU_RELATION_ID"));
      assertEquals("postgresql", env.get("JUJU_REMOTE_APP"));
      assertFalse(env.containsKey("JUJU_DEPARTING_UNIT"));
    }
  }

  @Test
  void departedNamesTheDepartingUnitAndPeersTheirOwnApp() {
    Map<String, String> departed = env(HookEvent.relationDeparted(Scenes.DB, "postgresql/1"));
    assertEquals("postgresql/1", departed.get("JUJU_REMOTE_UNIT"));
    assertEquals("postgresql/1", departed.get("JUJU_DEPARTING_UNIT"));
    assertEquals("hooks/db-relation-departed", departed.get("JUJU_DISPATCH_PATH"));
    Map<String, String> peer = env(HookEvent.relationJoined(Scenes.CLUSTER, "demo/1"));
    assertEquals("demo", peer.get("JUJU_REMOTE_APP"));
    assertEquals("cluster:3", peer.get("JUJU_RELATION_ID"));
  }

  @Test
  void relationHooksCanBeNamedByEndpointAndId() {
    Map<String, String> env = env(HookEvent.relation("relation-departed", "db", 7,
        "postgresql/0", "demo/0"));
    assertEquals("db-relation-departed", env.get("JUJU_HOOK_NAME"));
    assertEquals("postgresql/0", env.get("JUJU_REMOTE_UNIT"));
    assertEquals("demo/0", env.get("JUJU_DEPARTING_UNIT"), "this unit may be the one leaving");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> HookEvent.relation("relation-exploded", "db", 7, null, null));
  }

  @Test
  void actionsHaveAnEmptyHookNameAndTheirTask() {
    Map<String, String> env = env(HookEvent.action("backup").withActionId("42"));
    assertEquals("", env.get("JUJU_HOOK_NAME"));
    assertEquals("actions/backup", env.get("JUJU_DISPATCH_PATH"));
    assertEquals("backup", env.get("JUJU_ACTION_NAME"));
    assertEquals("42", env.get("JUJU_ACTION_UUID"));
    assertEquals("action-42", env.get("JUJU_ACTION_TAG"));
  }

  @Test
  void storageAndSeriesUpgradeVariables() {
    Map<String, String> storage = env(HookEvent.storageAttached("data", 1));
    assertEquals("data/1", storage.get("JUJU_STORAGE_ID"));
    assertEquals("filesystem", storage.get("JUJU_STORAGE_KIND"));
    assertEquals("/var/lib/juju/storage/data/1", storage.get("JUJU_STORAGE_LOCATION"));
    assertEquals("data-storage-attached", storage.get("JUJU_HOOK_NAME"));
    Map<String, String> upgrade = env(HookEvent.preSeriesUpgrade("ubuntu@24.04"));
    assertEquals("ubuntu@24.04", upgrade.get("JUJU_TARGET_BASE"));
    assertEquals("noble", upgrade.get("JUJU_TARGET_SERIES"));
  }

  @Test
  void restrictedHooksGetJujusShortList() {
    Map<String, String> env = env(HookEvent.collectMetrics());
    assertEquals("hooks/collect-metrics", env.get("JUJU_DISPATCH_PATH"));
    assertEquals("demo/0", env.get("JUJU_UNIT_NAME"));
    assertFalse(env.containsKey("JUJU_MODEL_NAME"));
    assertFalse(env.containsKey("JUJU_VERSION"));
    assertFalse(env.containsKey("JUJU_HOOK_NAME"));
  }
}
