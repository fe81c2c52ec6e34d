package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HookEnvironment;
import charms.reactive.spi.FrameworkRecords;
import charms.reactive.spi.HookOverrides;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.testing.CharmSpec;
import charms.reactive.testing.FakeHookTools;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.HookToolCall;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.Status;
import charms.reactive.testing.ToolAnswer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The managed flags (config.*, leadership.*, upgrade.*), status by priority and the controller
 * state backend, over hooks run by the harness (core's Juju integration as a charm uses it).
 */
class JujuIntegrationTest {
  @TempDir
  Path charmDir;
  JujuState state;
  HookOutcome last;
  final List<List<String>> flagsSeen = new ArrayList<>();
  final List<Runnable> inHandler = new ArrayList<>();
  ReactiveCharm charm;

  @BeforeEach
  void charm() throws IOException {
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\n");
    Files.writeString(charmDir.resolve("config.yaml"), String.join("\n",
        "options:",
        "  port: {type: int, default: 8080}",
        "  name: {type: string, default: ''}",
        "  debug: {type: boolean, default: false}",
        "  ratio: {type: float}",
        ""));
    state = JujuState.forUnit("app/0");
    charm = ReactiveCharm.builder().use(Juju.integration())
        .handler(Handler.named("observe").whenNot("never-set").invoke(ctx -> {
          flagsSeen.add(ctx.flags().list());
          inHandler.forEach(Runnable::run);
        }))
        .build();
  }

  /** Runs {@code name} on the current state (checks off, to reach what Juju would refuse). */
  HookOutcome run(String name, boolean checks) {
    try (Harness harness = Harness.builder(charmDir).charm(charm).consistencyChecks(checks)
        .build()) {
      flagsSeen.clear();
      last = harness.run(HookEvent.unit(name), state);
      state = last.state();
      return last;
    }
  }

  HookRun hook(String name) {
    HookOutcome out = run(name, true);
    assertTrue(out.succeeded(), () -> String.valueOf(out.error()));
    return out.run().orElseThrow();
  }

  HookRun failing(String name, boolean checks) {
    HookOutcome out = run(name, checks);
    assertFalse(out.succeeded(), "the hook should fail");
    return out.run().orElseThrow();
  }

  List<String> seen() {
    return flagsSeen.get(0);
  }

  @Test
  void onTheFirstHookEveryOptionCountsAsChanged() {
    hook("install");
    assertTrue(seen().containsAll(List.of("config.changed", "config.changed.port", "config.changed.name",
        "config.changed.debug", "config.changed.ratio")), seen()::toString);
    assertTrue(seen().contains("config.set.port"));
    assertFalse(seen().contains("config.set.name"), "'' is not set");
    assertFalse(seen().contains("config.set.debug"), "false is not set");
    assertFalse(seen().contains("config.set.ratio"), "null is not set");
    assertTrue(seen().containsAll(List.of("config.default.port", "config.default.name", "config.default.debug",
        "config.default.ratio")), seen()::toString);
  }

  @Test
  void configFlagsAreClearedAtTheEndOfEveryHook() {
    HookRun run = hook("install");
    assertTrue(run.flags().keySet().stream().noneMatch(f -> f.startsWith("config.")), run.flags()::toString);
  }

  @Test
  void onlyChangedOptionsAreFlaggedOnLaterHooks() {
    hook("install");
    state = state.withConfig("port", 0);
    hook("config-changed");
    assertTrue(seen().contains("config.changed"));
    assertTrue(seen().contains("config.changed.port"));
    assertFalse(seen().contains("config.changed.name"));
    assertFalse(seen().contains("config.set.port"), "0 is not set, as in Python");
    assertFalse(seen().contains("config.default.port"));
    hook("config-changed");
    assertFalse(seen().contains("config.changed"), seen()::toString);
  }

  @Test
  void aSteadyUpdateStatusStartsAtMostTwoToolProcesses() {
    hook("install");
    hook("config-changed");
    hook("update-status");
    List<String> tools = last.toolCalls().stream().map(HookToolCall::tool).toList();
    assertEquals(List.of("is-leader", "juju-log"), tools);
    assertTrue(seen().contains("config.set.port"), "config flags still come from the committed snapshot");
  }

  @Test
  void leadershipFlagsFollowIsLeaderAndSettingChanges() {
    state = state.withLeader(true).withLeaderSettings(Map.of("password", "s3cret"));
    hook("install");
    assertTrue(seen().containsAll(List.of("leadership.is_leader", "leadership.set.password",
        "leadership.changed.password")), seen()::toString);
    hook("update-status");
    assertTrue(seen().contains("leadership.set.password"));
    assertFalse(seen().contains("leadership.changed.password"), "unchanged since the stored copy");
    state = state.withLeader(false).withLeaderSettings(Map.of());
    hook("leader-settings-changed");
    assertFalse(seen().contains("leadership.is_leader"));
    assertTrue(seen().contains("leadership.changed.password"), "a deleted key is a change");
    assertFalse(seen().contains("leadership.set.password"));
  }

  @Test
  void theLeadersOwnLeaderSetSetsChangedNowAndNotAgainNextHook() {
    state = state.withLeader(true);
    hook("install");
    inHandler.add(() -> { });
    charm = ReactiveCharm.builder().use(Juju.integration())
        .handler(Handler.named("set").whenNot("done").invoke(ctx -> {
          LeaderSettings.set(ctx, Map.of("token", "abc"));
          ctx.flags().set("done");
        }), Handler.named("observe").when("done").invoke(ctx -> flagsSeen.add(ctx.flags().list()))).build();
    hook("update-status");
    assertTrue(seen().contains("leadership.changed.token"));
    assertEquals("abc", state.leaderSettings().get("token"));
    hook("leader-elected");
    assertFalse(seen().contains("leadership.changed.token"), seen()::toString);
    assertTrue(seen().contains("leadership.set.token"));
  }

  @Test
  void seriesUpgradeFlagSpansPreToPost() {
    hook("install");
    hook("pre-series-upgrade");
    assertTrue(seen().contains("upgrade.series.in-progress"));
    hook("update-status");
    assertTrue(seen().contains("upgrade.series.in-progress"));
    hook("post-series-upgrade");
    assertFalse(seen().contains("upgrade.series.in-progress"));
  }

  @Test
  void theMostUrgentReportedStatusIsSetOnceAtTheEnd() {
    charm = ReactiveCharm.builder().use(Juju.integration()).handler(
        Handler.named("a").whenNot("x").invoke(ctx -> ctx.service(StatusReporter.class).active("ready")),
        Handler.named("b").whenNot("x").invoke(ctx -> ctx.service(StatusReporter.class).waiting("for db")),
        Handler.named("c").whenNot("x").invoke(ctx -> ctx.service(StatusReporter.class).maintenance("busy")),
        Handler.named("d").whenNot("x").invoke(ctx -> ctx.service(StatusReporter.class).waiting("for cache"))).build();
    hook("install");
    assertEquals(List.of("status-set --application=False waiting -- for db"),
        last.calls("status-set").stream().map(HookToolCall::commandLine).toList());
    assertEquals(Status.waiting("for db"), state.unitStatus());
    hook("update-status");
    assertEquals(List.of(), last.calls("status-set"), "the same status is not set again");
  }

  @Test
  void aFailedHookSetsNoReportedStatus() {
    charm = ReactiveCharm.builder().use(Juju.integration()).handler(
        Handler.named("a").whenNot("x").invoke(ctx -> ctx.service(StatusReporter.class).blocked("no db")),
        Handler.named("b").whenNot("x").invoke(ctx -> {
          throw new IllegalStateException("fail");
        })).build();
    failing("install", true);
    assertEquals(List.of(), last.calls("status-set"));
    assertEquals(List.of(), last.unitStatusHistory());
    assertTrue(last.logs().stream().anyMatch(l -> l.level().equals("ERROR")
        && l.message().startsWith("Hook error:")), "the error still reaches juju-log");
  }

  @Test
  void aConfigValueOfTheWrongTypeFailsTheHookNamingTheOption() {
    // Juju would refuse the value; the harness's checks are off to show the charm refuses it too
    JujuState before = state.withConfig("port", "eighty");
    state = before;
    HookRun run = failing("install", false);
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains("'port'") && message.contains("int"), message);
    assertFalse(run.committed());
    assertEquals(before.unitState(), state.unitState(), "nothing committed");
  }

  @Test
  void aFailingHookToolFailsTheHookNamingTheToolAndCommitsNothing() throws IOException {
    Files.writeString(charmDir.resolve("config.yaml"), "options: {}\n");
    charm = ReactiveCharm.builder().use(Juju.integration())
        .handler(Handler.named("setter").whenNot("x").invoke(ctx -> ctx.flags().set("x"))).build();
    try (Harness harness = Harness.builder(charmDir).charm(charm)
        .answer("is-leader", ToolAnswer.error(1, "leadership status unknown: connection refused"))
        .build()) {
      HookOutcome out = harness.run(HookEvent.install(), state);
      assertFalse(out.succeeded());
      String message = out.error().orElseThrow().getMessage();
      assertTrue(message.contains("is-leader") && message.contains("connection refused")
          && message.contains("exit code 1"), message);
      assertFalse(out.run().orElseThrow().committed());
      assertEquals(state.unitState(), out.state().unitState(), "nothing committed");
    }
  }

  @Test
  void malformedConfigYamlNamesTheFileAndLine() throws IOException {
    try (Harness harness = Harness.of(charmDir, charm)) {
      // the harness reads config.yaml when built; the hook reads the broken one
      Files.writeString(charmDir.resolve("config.yaml"), "options:\n  port: {type: int\n  name: x\n");
      HookRun run = harness.run(HookEvent.install(), state).run().orElseThrow();
      String message = run.error().orElseThrow().getMessage();
      assertTrue(message.contains("config.yaml") && message.contains("line"), message);
    }
  }

  @Test
  void theControllerBackendKeepsStateInStateSetAndSurvivesAcrossHooks() {
    charm = ReactiveCharm.builder().use(Juju.integration(JujuSettings.defaults().withStateInController(true)))
        .handler(Handler.named("big").whenNot("big").invoke(ctx -> {
          ctx.flags().set("big");
          ctx.data().set("blob", "é".repeat(40_000));
        }), Handler.named("observe").when("big").invoke(ctx -> flagsSeen.add(ctx.flags().list()))).build();
    // The charm's own store (state-set in the controller), so the harness's fake tools are used
    // on their own: Harness.run always gives the charm its in-memory store.
    CharmSpec spec = CharmSpec.load(charmDir);
    FakeHookTools tools = FakeHookTools.open(spec, state, HookEvent.install());
    HookRun first = charm.execute(HookEnvironment.of(env("install")),
        new HookOverrides(null, Map.of(ToolRunner.class, tools)));
    assertTrue(first.succeeded(), () -> String.valueOf(first.error()));
    state = tools.finish(true);
    assertTrue(Integer.parseInt(state.charmState().get(JujuStateStore.COUNT)) >= 3,
        "split into chunks under the limit");
    assertTrue(state.charmState().values().stream()
        .allMatch(v -> v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 64 * 1024));
    flagsSeen.clear();
    tools = FakeHookTools.open(spec, state, HookEvent.updateStatus());
    HookRun second = charm.execute(HookEnvironment.of(env("update-status")),
        new HookOverrides(null, Map.of(ToolRunner.class, tools)));
    tools.finish(second.succeeded());
    assertTrue(second.succeeded());
    assertTrue(second.flags().containsKey("big"));
    assertTrue(flagsSeen.get(0).contains("big"));
  }

  Map<String, String> env(String hook) {
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_HOOK_NAME", hook);
    env.put("JUJU_UNIT_NAME", "app/0");
    env.put("JUJU_CONTEXT_ID", "c");
    env.put("CHARM_DIR", charmDir.toString());
    return env;
  }

  /**
   * The managed-flag sources are cold and free of side effects: subscribed again during the hook
   * they give the same facts, call no hook tool and change neither the flags nor the records.
   */
  @Test
  void subscribingToTheSourcesTwiceYieldsTheSameFactsAndChangesNothing() {
    List<List<charms.reactive.FlagFact>> subscriptions = new ArrayList<>();
    List<Object> stateAround = new ArrayList<>();
    List<charms.reactive.spi.StateSource> sources = List.of(new ConfigFlags(JujuSettings.defaults()),
        new LeadershipFlags(JujuSettings.defaults()), new UpgradeFlags());
    state = state.withLeader(true).withLeaderSettings(Map.of("db-password", "s3cret"));
    ReactiveCharm c = ReactiveCharm.builder().use(Juju.integration())
        .handler(Handler.named("resubscribe").whenNot("never-set").invoke(ctx -> {
          FakeHookTools fake = (FakeHookTools) ctx.service(ToolRunner.class);
          int callsBefore = fake.calls().size();
          stateAround.add(List.of(ctx.flags().list(), FrameworkRecords.of(ctx, Juju.RECORDS).getByPrefix("")));
          for (int round = 0; round < 2; round++) {
            for (charms.reactive.spi.StateSource source : sources) {
              subscriptions.add(source.facts(ctx).collectList().block());
            }
          }
          stateAround.add(List.of(ctx.flags().list(), FrameworkRecords.of(ctx, Juju.RECORDS).getByPrefix("")));
          assertEquals(callsBefore, fake.calls().size(), "no hook tool was called");
        }))
        .build();
    charm = c;
    hook("config-changed");
    assertEquals(6, subscriptions.size());
    assertEquals(subscriptions.subList(0, 3), subscriptions.subList(3, 6));
    assertTrue(subscriptions.get(0).contains(charms.reactive.FlagFact.set("config.changed.port")));
    assertTrue(subscriptions.get(1).contains(charms.reactive.FlagFact.set("leadership.is_leader")));
    assertEquals(stateAround.get(0), stateAround.get(1));
  }
}
