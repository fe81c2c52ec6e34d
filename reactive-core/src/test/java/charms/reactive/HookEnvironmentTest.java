package charms.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the hook is named and every variable Juju sets, typed. */
class HookEnvironmentTest {

  @Test
  void theDispatchPathWinsThenTheHookNameThenTheProgram() {
    assertEquals("db-relation-changed", HookEnvironment.of(Map.of("JUJU_DISPATCH_PATH", "hooks/db-relation-changed",
        "JUJU_HOOK_NAME", "install"), "/charm/hooks/start").hookName());
    assertEquals("install", HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "install"), "/charm/hooks/start").hookName());
    assertEquals("start", HookEnvironment.of(Map.of("JUJU_HOOK_NAME", ""), "/charm/hooks/start").hookName());
    ReactiveException none = assertThrows(ReactiveException.class, () -> HookEnvironment.of(Map.of(), null));
    assertTrue(none.getMessage().contains("JUJU_DISPATCH_PATH"), none.getMessage());
  }

  @Test
  void relationHooksParseTheEndpointAndId() {
    Map<String, String> env = new HashMap<>(Map.of("JUJU_DISPATCH_PATH", "hooks/db-relation-departed",
        "JUJU_RELATION", "db", "JUJU_RELATION_ID", "db:7", "JUJU_REMOTE_UNIT", "pg/1", "JUJU_REMOTE_APP", "pg",
        "JUJU_DEPARTING_UNIT", "pg/1", "JUJU_UNIT_NAME", "web/3"));
    HookEnvironment e = HookEnvironment.of(env);
    assertEquals(HookKind.RELATION, e.kind());
    assertEquals(new RelationRef("db", 7), e.relation().orElseThrow());
    assertEquals("db:7", e.relation().orElseThrow().toString());
    assertEquals(Optional.of("pg/1"), e.remoteUnit());
    assertEquals(Optional.of("pg"), e.remoteApp());
    assertEquals(Optional.of("pg/1"), e.departingUnit());
    assertEquals(Optional.of("web"), e.appName());
  }

  @Test
  void emptyButPresentVariablesReadAsAbsent() {
    HookEnvironment e = HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "db-relation-broken", "JUJU_RELATION_ID", "db:2",
        "JUJU_REMOTE_UNIT", "", "JUJU_PRINCIPAL_UNIT", ""));
    assertEquals(Optional.empty(), e.remoteUnit());
    assertEquals(Optional.empty(), e.principalUnit());
    assertEquals(Optional.of(""), e.get("JUJU_REMOTE_UNIT"), "the raw variable is still there");
  }

  @Test
  void actionsAreRecognisedByNameOrDispatchPath() {
    HookEnvironment byPath = HookEnvironment.of(Map.of("JUJU_DISPATCH_PATH", "actions/backup", "JUJU_HOOK_NAME", ""));
    assertEquals(HookKind.ACTION, byPath.kind());
    assertEquals(Optional.of("backup"), byPath.actionName());
    assertEquals("backup", byPath.hookName());
    HookEnvironment byName = HookEnvironment.of(Map.of("JUJU_ACTION_NAME", "restore", "JUJU_ACTION_UUID", "42"),
        "/charm/actions/restore");
    assertEquals(HookKind.ACTION, byName.kind());
    assertEquals(Optional.of("42"), byName.actionId());
  }

  @Test
  void everyHookKindIsRecognised() {
    assertEquals(HookKind.UNIT, HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "update-status")).kind());
    assertEquals(HookKind.STORAGE, HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "data-storage-attached")).kind());
    assertEquals(HookKind.WORKLOAD, HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "web-pebble-ready")).kind());
    assertEquals(HookKind.SECRET, HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "secret-rotate")).kind());
    assertTrue(HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "collect-metrics")).isRestricted());
  }

  @Test
  void theCharmDirPrefersJujuCharmDir() {
    assertEquals(Path.of("/a"), HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "x", "JUJU_CHARM_DIR", "/a",
        "CHARM_DIR", "/b")).charmDir());
    assertEquals(Path.of("/b"), HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "x", "CHARM_DIR", "/b")).charmDir());
    ReactiveException e = assertThrows(ReactiveException.class,
        () -> HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "x")).charmDir());
    assertTrue(e.getMessage().contains("CHARM_DIR"));
  }

  @Test
  void aBadRelationIdNamesTheText() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "db-relation-joined", "JUJU_RELATION_ID", "db:x")).relation());
    assertTrue(e.getMessage().contains("db:x"));
  }
}
