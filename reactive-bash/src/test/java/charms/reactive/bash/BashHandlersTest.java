package charms.reactive.bash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HookRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bash handlers written for the original, run unchanged, with this framework's stricter per-function rules. */
class BashHandlersTest {
  @TempDir
  Path dir;
  BashCharm charm;

  @BeforeEach
  void charm() {
    charm = new BashCharm(dir);
  }

  @Test
  void functionsRunInSourceOrderAndChainThroughFlags() throws Exception {
    charm.handler("reactive/seed.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "",
        "@when 'db.ready'",
        "@when_not 'app.configured'",
        "function render_config() {",
        "  echo render_config >> \"$OUT\"",
        "  set_flag app.configured",
        "}",
        "",
        "@when_not 'db.ready'",
        "no_db() {",
        "  echo no_db >> \"$OUT\"",
        "  set_flag db.ready",
        "}",
        "",
        "@when 'app.configured'",
        "@when_not 'app.running'",
        "function zz_restart_service() {",
        "  echo restart >> \"$OUT\"",
        "  set_flag app.running",
        "}",
        "",
        "@when 'db.ready'",
        "@when_not 'app.configured'",
        "function aa_second() {",
        "  echo aa_second >> \"$OUT\"",
        "}",
        "",
        "reactive_handler_main");
    HookRun run = charm.hook("install");
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()) + charm.log);
    // aa_second was queued with render_config, which set app.configured before it could start
    assertEquals(List.of("no_db", "render_config", "restart"), charm.out());
    assertTrue(run.committed());
    assertTrue(run.flags().containsKey("app.running"));
    assertTrue(run.flags().containsKey("app.configured"));
  }

  @Test
  void aFailingFunctionFailsTheHookAndItsFlagsAreRolledBack() throws Exception {
    charm.handler("reactive/fail.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when_not 'x'",
        "function first() {",
        "  set_flag x",
        "  false",
        "}",
        "reactive_handler_main");
    HookRun run = charm.hook("install");
    assertFalse(run.succeeded());
    assertTrue(run.error().orElseThrow().getMessage().contains("reactive/fail.sh"),
        run.error().orElseThrow().getMessage());
    assertNull(charm.store.committedBytes(), "the flag set over the channel is not committed");
  }

  @Test
  void onlyOnceFunctionsRunOnceAndOthersAreNotMarked() throws Exception {
    charm.handler("reactive/once.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@only_once",
        "function setup() { echo setup >> \"$OUT\"; }",
        "@hook 'update-status'",
        "function status() { echo status >> \"$OUT\"; }",
        "reactive_handler_main");
    charm.hook("install");
    assertEquals(List.of("setup"), charm.out());
    charm.clearOut();
    charm.hook("update-status");
    assertEquals(List.of("status"), charm.out());
    charm.clearOut();
    charm.hook("update-status");
    assertEquals(List.of("status"), charm.out());
    String state = new String(charm.store.committedBytes());
    assertTrue(state.contains("reactive/once.sh:setup"), state);
    assertFalse(state.contains("reactive/once.sh:status"), "only @only_once functions are marked: " + state);
  }

  @Test
  void fileChangesArePerFunctionAndConsumedOnlyOnSuccess() throws Exception {
    Path watched = dir.resolve("app.conf");
    Files.writeString(watched, "one");
    charm.handler("reactive/files.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when_file_changed '" + watched + "'",
        "function a_restart() { echo a >> \"$OUT\"; }",
        "@when_file_changed '" + watched + "'",
        "function b_reload() { echo b >> \"$OUT\"; }",
        "reactive_handler_main");
    charm.hook("config-changed");
    assertEquals(List.of("a", "b"), charm.out(), "two functions watching one file both fire");
    charm.clearOut();
    charm.hook("update-status");
    assertEquals(List.of(), charm.out());
    Files.writeString(watched, "two");
    charm.hook("update-status");
    assertEquals(List.of("a", "b"), charm.out());
  }

  @Test
  void cliCallsActOnTheHooksTransaction() throws Exception {
    charm.handler("reactive/cli.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when_not 'probe.done'",
        "function probe() {",
        "  set_flag 'with.value' --value 'hello world'",
        "  charms.reactive is_flag_set with.value && echo is-set >> \"$OUT\"",
        "  charms.reactive toggle_flag with.value False",
        "  charms.reactive is_flag_set with.value || echo now-clear >> \"$OUT\"",
        "  charms.reactive get_flags >> \"$OUT\"; echo >> \"$OUT\"",
        "  all_flags_set a b || echo not-all >> \"$OUT\"",
        "  charms.reactive when probe.started && echo wrong-phase-check >> \"$OUT\"",
        "  set_flag probe.done",
        "}",
        "reactive_handler_main");
    HookRun run = charm.hook("install");
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertEquals(List.of("is-set", "now-clear", "", "not-all"), charm.out());
    assertTrue(run.flags().containsKey("probe.done"));
  }

  @Test
  void hookDecoratorsRunInTheHooksPhaseBeforeFlagHandlers() throws Exception {
    charm.handler("reactive/h.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when_not 'never'",
        "function other() { echo other >> \"$OUT\"; }",
        "@hook '{install,upgrade-charm}'",
        "function on_install() { echo hook >> \"$OUT\"; }",
        "reactive_handler_main");
    charm.hook("install");
    assertEquals(List.of("hook", "other"), charm.out());
  }

  @Test
  void filesAreDiscoveredInSortedOrderAcrossTheRoots() throws Exception {
    for (String f : List.of("reactive/b.sh", "reactive/a.sh", "hooks/reactive/c", "hooks/relations/pgsql/requires.sh")) {
      String name = f.replaceAll("[^a-z]", "_");
      charm.handler(f, "#!/bin/bash", "source charms.reactive.sh", "@when_not 'x." + name + "'",
          "function f() { echo " + f + " >> \"$OUT\"; set_flag x." + name + "; }", "reactive_handler_main");
    }
    charm.hook("install");
    assertEquals(List.of("reactive/a.sh", "reactive/b.sh", "hooks/reactive/c", "hooks/relations/pgsql/requires.sh"),
        charm.out());
  }

  @Test
  void anExecutableThatCannotBeExecutedIsAnErrorNamingIt() throws Exception {
    Path bad = dir.resolve("reactive/broken");
    Files.createDirectories(bad.getParent());
    Files.write(bad, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    bad.toFile().setExecutable(true);
    HookRun run = charm.hook("install");
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains(bad.toString()) && message.contains("marked as executable"), message);
  }

  @Test
  void theCommandLineOutsideAHookWorksOnTheCommittedState() throws Exception {
    Path stateFile = dir.resolve(".unit-state.json");
    java.util.Map<String, String> env = java.util.Map.of("CHARM_DIR", dir.toString());
    assertEquals(0, Cli.run(List.of("set_flag", "offline.flag"), env).exitCode());
    assertTrue(Files.exists(stateFile));
    assertEquals("offline.flag", Cli.run(List.of("get_flags"), env).stdout());
    assertEquals(0, Cli.run(List.of("is_flag_set", "offline.flag"), env).exitCode());
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(stateFile)));
    assertEquals(2, Cli.run(List.of("set_flag"), env).exitCode());
  }
}
