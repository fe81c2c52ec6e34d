package charms.reactive.bash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.fs.FsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @stable}, {@code @inputs} and {@code @when_changed} in real bash handler files. */
class StableBashTest {
  @TempDir
  Path dir;
  BashCharm charm;

  @BeforeEach
  void charm() {
    charm = new BashCharm(dir);
    charm.charm = ReactiveCharm.builder().stateStore(s -> charm.store)
        .log(s -> (level, message) -> charm.log.add(level + ": " + message))
        .use(FsExtension.defaults())
        .use(ExternalHandlers.discover()).build();
  }

  static HookRun ok(HookRun run) {
    assertTrue(run.succeeded(), () -> "hook failed: " + run.error());
    return run;
  }

  @Test
  void aStableFunctionRunsOnlyWhenItsFlagsOrDeclaredInputsChange() throws Exception {
    Path conf = dir.resolve("app.conf");
    charm.handler("reactive/app.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@hook 'install'",
        "function install() { charms.reactive set_flag db --value a; }",
        "@hook 'config-changed'",
        "function new_host() { charms.reactive set_flag db --value b; }",
        "@when 'db'",
        "@stable",
        "function render() { echo render >> \"$OUT\"; }",
        "@when 'db'",
        "@inputs 'file:app.conf'",
        "function reload() { echo reload >> \"$OUT\"; }",
        "@when 'db'",
        "function plain() { echo plain >> \"$OUT\"; }",
        "reactive_handler_main");
    ok(charm.hook("install"));
    assertEquals(List.of("render", "reload", "plain"), charm.out());
    charm.clearOut();
    ok(charm.hook("update-status"));
    ok(charm.hook("update-status"));
    assertEquals(List.of("plain", "plain"), charm.out(), "idle hooks run only the plain function");
    charm.clearOut();

    Files.writeString(conf, "x");
    ok(charm.hook("update-status"));
    assertEquals(List.of("reload", "plain"), charm.out(), "the file is an input of reload only");
    charm.clearOut();

    HookRun changed = ok(charm.hook("config-changed"));
    assertEquals(List.of("render", "reload", "plain"), charm.out(), "a new value of db is a change for both");
    charm.clearOut();
    ok(charm.hook("config-changed"));
    assertEquals(List.of("plain"), charm.out(), "the same value again is none");
    String state = new String(charm.store.committedBytes());
    assertTrue(state.contains("\"stable:reactive/app.sh:render\""), state);
    assertFalse(state.contains("reactive/app.sh:plain"), state);
    assertTrue(changed.succeeded());
  }

  @Test
  void aFailingHookRecordsNothingForAStableFunction() throws Exception {
    charm.handler("reactive/app.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@stable",
        "function render() { echo render >> \"$OUT\"; [[ ! -e \"$OUT.fail\" ]]; }",
        "reactive_handler_main");
    Files.writeString(dir.resolve("out.txt.fail"), "");
    assertFalse(charm.hook("install").succeeded());
    assertEquals(0, charm.store.commits());
    Files.delete(dir.resolve("out.txt.fail"));
    ok(charm.hook("install"));
    ok(charm.hook("update-status"));
    assertEquals(List.of("render", "render"), charm.out(), "failed once, then once, then never");
  }

  @Test
  void whenChangedHoldsOnlyInTheHookThatSawTheChange() throws Exception {
    Path conf = dir.resolve("app.conf");
    charm.handler("reactive/app.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when_changed 'file:app.conf'",
        "function restart() { echo restart >> \"$OUT\"; }",
        "reactive_handler_main");
    ok(charm.hook("install"));
    Files.writeString(conf, "x");
    ok(charm.hook("update-status"));
    ok(charm.hook("update-status"));
    assertEquals(List.of("restart"), charm.out());
  }

  @Test
  void badDecoratorsFailTheHookNamingTheFunction() throws Exception {
    charm.handler("reactive/app.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@inputs 'port'",
        "function render() { echo render >> \"$OUT\"; }",
        "reactive_handler_main");
    HookRun run = charm.hook("install");
    assertFalse(run.succeeded());
    String all = String.join("\n", charm.log) + run.error().map(Throwable::toString).orElse("");
    assertTrue(all.contains("reactive/app.sh:render") && all.contains("'port'"), all);
  }
}
