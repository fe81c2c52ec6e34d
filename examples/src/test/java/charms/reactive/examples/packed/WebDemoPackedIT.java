package charms.reactive.examples.packed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.testing.ActionOutcome;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.PackedEntry;
import charms.reactive.testing.RelationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packed web-demo charm (Java handlers, WebDemoCharm's main) as Juju runs it. */
class WebDemoPackedIT {
  static final List<String> RESTART = List.of("restart", "seed-app");

  @TempDir
  Path work;

  @Test
  void theWholeLifecycleThroughDispatch() throws Exception {
    try (PackedLifecycle life = new PackedLifecycle("web-demo", work, PackedEntry.DISPATCH, c -> c)) {
      life.runLifecycle("web-demo", RESTART);
      assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(life.config)));
    }
  }

  @Test
  void theWholeLifecycleThroughHooksSymlinkedToDispatch() throws Exception {
    Path copy = work.resolve("charm");
    try (PackedLifecycle life = new PackedLifecycle("web-demo", work, PackedEntry.HOOK_FILES,
        packed -> PackedLifecycle.symlinkHooks(PackedLifecycle.copy(packed, copy), "../dispatch"))) {
      assertTrue(Files.isSymbolicLink(copy.resolve("hooks/db-relation-joined")));
      life.runLifecycle("web-demo", RESTART);
    }
  }

  @Test
  void theShowConfigActionWithTypedParametersResultsAndFailure() throws Exception {
    try (PackedLifecycle life = new PackedLifecycle("web-demo", work, PackedEntry.DISPATCH, c -> c)) {
      life.run(HookEvent.install());
      HookOutcome early = life.harness.runAction("show-config", Map.of(), life.state);
      ActionOutcome failed = early.action().orElseThrow();
      assertEquals("nothing rendered yet: relate a database (db) and set admin-pass",
          failed.failureMessage().orElseThrow());
      assertEquals("{lines=20, show-password=false}", new java.util.TreeMap<>(failed.params()).toString(),
          "defaults from actions.yaml");

      life.state = life.state.withConfig("admin-pass", "s3cret");
      RelationState db = RelationState.of("db", 2, "postgresql").withInterface("pgsql")
          .withRemoteUnit("postgresql/0", Map.of("host", "10.0.0.8", "port", "5432", "user", "app"));
      life.run(HookEvent.configChanged());
      life.state = life.state.withRelation(db);
      life.run(HookEvent.relationJoined(db, "postgresql/0"));

      ActionOutcome masked = life.harness.runAction("show-config", Map.of("lines", 100), life.state)
          .action().orElseThrow();
      assertFalse(masked.failed(), masked::toString);
      String text = (String) masked.result("config.text").orElseThrow();
      assertTrue(text.contains("host = 10.0.0.8") && text.contains("password = ***"), text);
      assertFalse(text.contains("s3cret"));
      assertEquals(String.valueOf(Files.readAllLines(life.config).size()), masked.result("config.lines").orElseThrow());

      ActionOutcome shown = life.harness.runAction("show-config", Map.of("lines", 2, "show-password", true),
          life.state).action().orElseThrow();
      assertEquals(List.of("# Rendered by the seed charm.", "[database]"),
          ((String) shown.result("config.text").orElseThrow()).lines().toList());
    }
  }
}
