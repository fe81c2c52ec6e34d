package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HandlerContext;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.ReactiveException;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CharmConfig} and {@link LeaderData}: typed views, checked against config.yaml, read
 * without extra tools; hooks run by the harness.
 */
class TypedConfigTest {
  @TempDir
  Path charmDir;
  JujuState state;
  HookOutcome last;
  final List<Object> seen = new ArrayList<>();
  Consumer<HandlerContext> body = ctx -> { };
  ReactiveCharm charm;

  enum Level { debug, info, warning }

  record WebConfig(int port, String adminPass, Optional<Double> ratio, boolean debug, Level logLevel) {
  }

  record Renamed(@JsonProperty("admin-pass") String password, long port) {
  }

  @BeforeEach
  void charm() throws IOException {
    Files.writeString(charmDir.resolve("config.yaml"), String.join("\n",
        "options:",
        "  port: {type: int, default: 8080}",
        "  admin-pass: {type: string, default: ''}",
        "  debug: {type: boolean, default: false}",
        "  ratio: {type: float}",
        "  log_level: {type: string, default: info}",
        ""));
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\n");
    Map<String, Object> config = new java.util.HashMap<>();
    config.put("port", 8080);
    config.put("admin-pass", "s3cret");
    config.put("debug", true);
    config.put("log_level", "warning");
    state = JujuState.forUnit("app/0").withConfig(config); // ratio: unset, no default
    charm = ReactiveCharm.builder().use(Juju.integration())
        .handler(Handler.named("read").whenNot("never-set").invoke(ctx -> body.accept(ctx)))
        .build();
  }

  HookRun hook(String name) {
    try (Harness harness = Harness.of(charmDir, charm)) {
      last = harness.run(HookEvent.unit(name), state);
      state = last.state();
      return last.run().orElseThrow();
    }
  }

  int calls(String tool) {
    return last.calls(tool).size();
  }

  HookRun succeeding(String name) {
    HookRun run = hook(name);
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    return run;
  }

  String failure(String hook) {
    HookRun run = hook(hook);
    assertFalse(run.succeeded(), "the hook should fail");
    assertFalse(run.committed(), "a failing hook commits nothing");
    Throwable error = run.error().orElseThrow();
    ReactiveException cause = null;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ReactiveException r) {
        cause = r; // the innermost: the handler failure wraps the binding error
      }
    }
    assertTrue(cause != null, error::toString);
    return cause.getMessage();
  }

  @Test
  void optionsBindToARecordByNameKebabOrSnakeCase() {
    body = ctx -> seen.add(ctx.service(CharmConfig.class).as(WebConfig.class));
    succeeding("install");
    assertEquals(List.of(new WebConfig(8080, "s3cret", Optional.empty(), true, Level.warning)), seen);
  }

  @Test
  void jsonPropertyNamesTheOptionAndIntWidensToLong() {
    body = ctx -> seen.add(ctx.service(CharmConfig.class).as(Renamed.class));
    succeeding("install");
    assertEquals(List.of(new Renamed("s3cret", 8080L)), seen);
  }

  @Test
  void configReadsCostAtMostOneConfigGetPerHookAndNoneWhereTheSnapshotStands() {
    body = ctx -> {
      CharmConfig config = ctx.service(CharmConfig.class);
      seen.add(config.as(WebConfig.class).port());
      seen.add(config.get("port").orElseThrow().asInt());
      seen.add(ctx.service(HookTools.class).config().get("port").asInt());
    };
    succeeding("install");
    assertEquals(1, calls("config-get"), "the flags' read serves the charm's reads too");
    state = state.withConfig("port", 9090);
    succeeding("config-changed");
    assertEquals(1, calls("config-get"));
    body = ctx -> seen.add(ctx.service(CharmConfig.class).as(WebConfig.class).port());
    succeeding("update-status");
    assertEquals(0, calls("config-get"), "update-status uses the committed snapshot");
    assertEquals(List.of(8080, 8080, 8080, 9090, 9090, 9090, 9090), seen);
  }

  @Test
  void aComponentNamingNoOptionIsAnErrorListingTheDeclaredOnes() {
    record Typo(int prot) {
    }
    body = ctx -> ctx.service(CharmConfig.class).as(Typo.class);
    String message = failure("install");
    assertTrue(message.contains("Typo.prot matches no config option (tried prot)"), message);
    assertTrue(message.contains("declared: port, admin-pass, debug, ratio, log_level"), message);
  }

  @Test
  void aTypeThatDoesNotFitTheDeclaredOneNamesTheOptionAndComponent() {
    record Wrong(String port) {
    }
    body = ctx -> ctx.service(CharmConfig.class).as(Wrong.class);
    assertEquals("config option 'port' is declared int in config.yaml, but Wrong.port is String",
        failure("install"));
  }

  @Test
  void anUnsetOptionIntoAPrimitiveIsAnErrorSayingWhatToUse() {
    record Primitive(double ratio) {
    }
    body = ctx -> ctx.service(CharmConfig.class).as(Primitive.class);
    assertEquals("config option 'ratio' has no value, but Primitive.ratio is a primitive double: "
        + "make it Double or Optional<Double>", failure("install"));
  }

  @Test
  void aValueThatDoesNotConvertIsNamedButNotQuoted() {
    state = state.withConfig("log_level", "verbose-secret");
    body = ctx -> ctx.service(CharmConfig.class).as(WebConfig.class);
    String message = failure("install");
    assertTrue(message.contains("config option 'log_level' cannot be read as Level for WebConfig.logLevel"),
        message);
    assertFalse(message.contains("verbose-secret"), "values may be secrets: " + message);
  }

  @Test
  void readingAnUndeclaredOptionByNameIsAnError() {
    body = ctx -> ctx.service(CharmConfig.class).get("admin-password");
    assertEquals("no config option 'admin-password' in config.yaml; declared: port, admin-pass, debug, "
        + "ratio, log_level", failure("install"));
  }

  record Shared(String adminPassword, Optional<Integer> clusterSize, boolean ready) {
  }

  @Test
  void leaderSettingsBindToARecordAndSeeThisHooksWritesWithoutLeaderGet() {
    state = state.withLeader(true).withLeaderSettings(Map.of("admin-password", "pw", "ready", "true"));
    body = ctx -> {
      seen.add(ctx.service(LeaderData.class).as(Shared.class));
      LeaderSettings.set(ctx, Map.of("cluster-size", "3"));
      seen.add(ctx.service(LeaderData.class).as(Shared.class));
    };
    succeeding("leader-elected");
    assertEquals(1, calls("leader-get"));
    body = ctx -> seen.add(ctx.service(LeaderData.class).as(Shared.class));
    succeeding("update-status");
    assertEquals(0, calls("leader-get"), "update-status uses the committed copy");
    Shared before = new Shared("pw", Optional.empty(), true);
    Shared after = new Shared("pw", Optional.of(3), true);
    assertEquals(List.of(before, after, after), seen);
  }

  @Test
  void aLeaderSettingThatDoesNotConvertIsNamed() {
    state = state.withLeaderSettings(Map.of("ready", "true", "cluster-size", "three"));
    body = ctx -> ctx.service(LeaderData.class).as(Shared.class);
    String message = failure("leader-settings-changed");
    assertTrue(message.contains("leader setting 'cluster-size' cannot be read as Integer for Shared.clusterSize"),
        message);
  }
}
