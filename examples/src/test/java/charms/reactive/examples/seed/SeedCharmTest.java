package charms.reactive.examples.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.FlagFact;
import charms.reactive.HookEnvironment;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.fs.FsExtension;
import charms.reactive.fs.testing.RecordingProcessRunner;
import charms.reactive.state.MemoryStateStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/** The Java seed charm over several hooks of one unit; service control is only recorded. */
class SeedCharmTest {
  static final List<String> RESTART = List.of("systemctl", "restart", "seed-app");

  @TempDir
  Path charmDir;
  Path configFile;
  final MemoryStateStore unit = new MemoryStateStore();
  final RecordingProcessRunner runner = new RecordingProcessRunner();
  final List<String> logs = new ArrayList<>();
  ReactiveCharm charm;

  /** The model the flags come from: what a database interface and config would publish. */
  JsonNode database;
  String password;

  @BeforeEach
  void setUp() throws IOException {
    Path templates = Files.createDirectories(charmDir.resolve("templates"));
    try (InputStream in = SeedCharm.class.getResourceAsStream("templates/" + SeedCharm.TEMPLATE)) {
      Files.copy(in, templates.resolve(SeedCharm.TEMPLATE));
    }
    configFile = charmDir.resolve("etc/seed-app/app.conf");
    ObjectNode db = JsonNodeFactory.instance.objectNode();
    db.put("host", "10.0.0.5").put("port", 5432).put("user", "seed");
    database = db;
    password = "s3cret";
    charm = SeedCharm.charm(configFile)
        .use(FsExtension.defaults().withProcessRunner(runner))
        .stateStore(s -> unit)
        .log(s -> (level, message) -> logs.add(level + ": " + message))
        .source(ctx -> Flux.just(
            database == null ? FlagFact.cleared("db.database.available")
                : FlagFact.set("db.database.available", database),
            password == null ? FlagFact.cleared("admin-pass")
                : FlagFact.set("admin-pass", TextNode.valueOf(password))))
        .build();
  }

  HookRun hook(String name) {
    HookRun run = charm.execute(HookEnvironment.of(Map.of("JUJU_HOOK_NAME", name,
        "JUJU_UNIT_NAME", "seed/0", "CHARM_DIR", charmDir.toString())));
    assertTrue(run.succeeded(), () -> "hook " + name + " failed: " + run.error().orElse(null));
    return run;
  }

  String expectedConfig(String pass) {
    return "# Rendered by the seed charm.\n[database]\nhost = 10.0.0.5\nport = 5432\nuser = seed\n\n"
        + "[admin]\npassword = " + pass;
  }

  Object inode() throws IOException {
    return Files.readAttributes(configFile, BasicFileAttributes.class).fileKey();
  }

  @Test
  void renderThenRestartOnlyWhenTheRenderedFileChanges() throws IOException {
    HookRun first = hook("install");
    assertEquals(List.of("seed.render-config", "seed.restart"), first.handlersRun());
    assertEquals(expectedConfig("s3cret"), Files.readString(configFile));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile)));
    assertEquals(List.of(RESTART), runner.commands());
    Object firstInode = inode();

    HookRun same = hook("update-status");
    assertEquals(List.of("seed.render-config"), same.handlersRun(), "rendered, unchanged, no restart");
    assertEquals(List.of(RESTART), runner.commands());
    assertEquals(firstInode, inode(), "the file was not rewritten");

    password = "n3w-pass";
    HookRun changed = hook("config-changed");
    assertEquals(List.of("seed.render-config", "seed.restart"), changed.handlersRun());
    assertEquals(expectedConfig("n3w-pass"), Files.readString(configFile));
    assertNotEquals(firstInode, inode());
    assertEquals(List.of(RESTART, RESTART), runner.commands());

    hook("update-status");
    assertEquals(2, runner.commands().size(), "still no restart without a change");
  }

  @Test
  void nothingHappensUntilBothFlagsAreSet() {
    password = null;
    assertEquals(List.of(), hook("install").handlersRun());
    assertFalse(Files.exists(configFile));
    assertEquals(List.of(), runner.commands(), "a config file that never existed is no change");

    password = "s3cret";
    database = null;
    assertEquals(List.of(), hook("config-changed").handlersRun());

    database = JsonNodeFactory.instance.objectNode().put("host", "10.0.0.5").put("port", 5432)
        .put("user", "seed");
    assertEquals(List.of("seed.render-config", "seed.restart"), hook("db-relation-changed").handlersRun());
  }

  @Test
  void aFailedRestartIsRetriedInTheNextHook() throws IOException {
    runner.answer(RESTART, 1, "", "Job for seed-app.service failed.");
    HookRun failed = charm.execute(HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "install",
        "JUJU_UNIT_NAME", "seed/0", "CHARM_DIR", charmDir.toString())));
    assertFalse(failed.succeeded());
    assertTrue(failed.error().orElseThrow().getMessage().contains("seed.restart"));
    assertEquals(expectedConfig("s3cret"), Files.readString(configFile), "the file was rendered");

    runner.answer(RESTART, 0, "", "");
    runner.clear();
    HookRun retried = hook("update-status");
    assertEquals(List.of("seed.render-config", "seed.restart"), retried.handlersRun(),
        "same content, but the restart never completed, so its change is still pending");
    assertEquals(List.of(RESTART), runner.commands());
  }
}
