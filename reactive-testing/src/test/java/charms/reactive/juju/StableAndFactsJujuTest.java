package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Juju integration's part of stable handlers (config and leader inputs) and hook-scoped facts
 * (config.*, leader.*, charm.upgraded), over a run of hooks on the harness.
 */
class StableAndFactsJujuTest {
  @TempDir
  Path charmDir;
  JujuState state;
  final List<String> ran = new ArrayList<>();
  ReactiveCharm charm;

  @BeforeEach
  void charm() throws IOException {
    Files.writeString(charmDir.resolve("config.yaml"), String.join("\n",
        "options:",
        "  port: {type: int, default: 8080}",
        "  name: {type: string, default: ''}",
        ""));
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\n");
    state = JujuState.forUnit("app/0").withLeader(true).withConfig(Map.of("port", 8080, "name", ""));
    charm = ReactiveCharm.builder().use(Juju.integration())
        .handler(
            Handler.named("render").inputs("config:port", "leader:password").invoke(ctx -> ran.add("render")),
            Handler.named("port-changed").whenChanged("config.port").invoke(ctx -> ran.add("port-changed")),
            Handler.named("any-config").whenChanged("config").invoke(ctx -> ran.add("any-config")),
            Handler.named("password-changed").whenChanged("leader.password").invoke(ctx -> ran.add("password-changed")),
            Handler.named("upgraded").whenChanged("charm.upgraded").invoke(ctx -> ran.add("upgraded")),
            Handler.named("upgraded-flag").when("charm.upgraded").invoke(ctx -> ran.add("upgraded-flag")))
        .build();
  }

  HookRun hook(String name) {
    ran.clear();
    try (Harness harness = Harness.builder(charmDir).charm(charm).build()) {
      HookOutcome out = harness.run(HookEvent.unit(name), state);
      assertTrue(out.succeeded(), () -> String.valueOf(out.error()));
      state = out.state();
      return out.run().orElseThrow();
    }
  }

  @Test
  void configAndLeaderInputsAndFactsHoldOnlyInTheHookOfTheChange() {
    hook("install");
    assertEquals(List.of("render", "port-changed", "any-config"), ran, "first hook: every option changed");
    hook("update-status");
    assertEquals(List.of(), ran, "nothing changed: no stable run, no fact");

    state = state.withConfig("name", "web");
    hook("config-changed");
    assertEquals(List.of("any-config"), ran, "name is no input of render and not config.port");

    state = state.withConfig("port", 9090);
    HookRun changed = hook("config-changed");
    assertEquals(List.of("render", "port-changed", "any-config"), ran);
    assertTrue(changed.trace().render().contains("ran         render -- inputs changed: config:port"),
        changed.trace().render());
    hook("update-status");
    assertEquals(List.of(), ran, "the fact is gone with its hook, and nobody cleared it");

    state = state.withLeaderSettings(Map.of("password", "s3cret"));
    hook("leader-settings-changed");
    assertEquals(List.of("render", "password-changed"), ran);
    hook("leader-settings-changed");
    assertEquals(List.of(), ran);
  }

  @Test
  void charmUpgradedIsAFactAndAFlagForTheLengthOfUpgradeCharm() {
    hook("install");
    HookRun upgrade = hook("upgrade-charm");
    assertTrue(ran.containsAll(List.of("upgraded", "upgraded-flag")), ran::toString);
    assertTrue(!upgrade.flags().containsKey("charm.upgraded"), "cleared at the end of the hook");
    hook("update-status");
    assertTrue(!ran.contains("upgraded") && !ran.contains("upgraded-flag"), ran::toString);
  }
}
