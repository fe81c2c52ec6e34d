package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packed charm's own entry point as the hook process. The charm here is a shell script (the
 * mechanics do not care what the entry point starts): it reports how it was called through the
 * fake status-set and relation-set, and fails when told to.
 */
class PackedCharmTest {
  @TempDir
  Path charm;

  @BeforeEach
  void pack() throws Exception {
    Files.copy(Scenes.CHARM_DIR.resolve("metadata.yaml"), charm.resolve("metadata.yaml"));
    Files.copy(Scenes.CHARM_DIR.resolve("config.yaml"), charm.resolve("config.yaml"));
    Files.copy(Scenes.CHARM_DIR.resolve("actions.yaml"), charm.resolve("actions.yaml"));
    Path dispatch = charm.resolve("dispatch");
    Files.writeString(dispatch, """
        #!/bin/sh
        set -e
        status-set active "$(basename "$0") path=${JUJU_DISPATCH_PATH:-none} hook=${JUJU_HOOK_NAME:-none} cwd=$(pwd)"
        if [ "$(basename "$0")" = backup ]; then action-set called=backup; fi
        if [ -n "$FAIL" ]; then relation-set -r db:7 doomed=yes; exit 3; fi
        """);
    Files.setPosixFilePermissions(dispatch, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(charm.resolve("hooks"));
    Files.createDirectories(charm.resolve("actions"));
    Files.createSymbolicLink(charm.resolve("hooks/install"), Path.of("../dispatch"));
    Files.createSymbolicLink(charm.resolve("actions/backup"), Path.of("../dispatch"));
  }

  @Test
  void dispatchRunsEveryHookInTheCharmDirectory() throws Exception {
    try (Harness harness = Harness.builder(charm).packed(PackedEntry.DISPATCH).build()) {
      HookOutcome out = harness.run(HookEvent.install(), harness.state());
      assertEquals(0, out.exitCode(), out::stderr);
      assertEquals(Status.active("dispatch path=hooks/install hook=install cwd=" + charm.toRealPath()),
          out.state().unitStatus());
    }
  }

  @Test
  void hookFilesAreCalledByTheHooksNameWithoutJujusHookVariables() throws Exception {
    try (Harness harness = Harness.builder(charm).packed(PackedEntry.HOOK_FILES).build()) {
      HookOutcome out = harness.run(HookEvent.install(), harness.state());
      assertEquals(Status.active("install path=none hook=none cwd=" + charm.toRealPath()),
          out.state().unitStatus());
      HookOutcome action = harness.runAction("backup", Map.of("target", "/srv"), harness.state());
      assertEquals(0, action.exitCode(), action::stderr);
      assertEquals(Map.of("called", "backup"), action.action().orElseThrow().results());

      HarnessException missing = assertThrows(HarnessException.class,
          () -> harness.run(HookEvent.configChanged(), harness.state()));
      assertEquals(charm.toAbsolutePath().normalize().resolve("hooks/config-changed")
          + " is not an executable file: is this a packed charm (the charm:pack goal's target/charm)?",
          missing.getMessage());
    }
  }

  @Test
  void aFailingHookProcessCommitsNothing() {
    try (Harness harness = Harness.builder(charm).packed(PackedEntry.DISPATCH)
        .environment("FAIL", "yes").build()) {
      JujuState before = harness.state().withRelation(Scenes.DB);
      HookOutcome out = harness.run(HookEvent.updateStatus(), before);
      assertEquals(3, out.exitCode());
      assertFalse(out.succeeded());
      assertEquals(before.relations(), out.state().relations(), "relation-set rolled back");
      assertTrue(out.state().unitStatus().message().startsWith("dispatch path=hooks/update-status"));
    }
  }

  @Test
  void onlyOneWayToRunTheCharm() {
    HarnessException e = assertThrows(HarnessException.class, () -> Harness.builder(charm)
        .packed(PackedEntry.DISPATCH).process("x.Main", "").build());
    assertTrue(e.getMessage().startsWith("give the harness exactly one of"), e.getMessage());
  }

}
