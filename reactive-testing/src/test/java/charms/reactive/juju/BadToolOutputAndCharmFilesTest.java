package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.spi.HookOverrides;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.ReactiveException;
import charms.reactive.state.MemoryStateStore;
import charms.reactive.testing.CharmSpec;
import charms.reactive.testing.FakeHookTools;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.LogLine;
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
 * Inputs that used to be accepted silently or reported misleadingly: empty {@code is-leader}
 * output, a NUL or escape sequence in a tool's output, JSON beyond the reader's limits, and a
 * malformed {@code metadata.yaml} or {@code actions.yaml} that no handler happened to read. The
 * odd output is scripted into the harness's fake tools ({@link FakeHookTools#answer}); the charm
 * files under test are in {@code charmDir}, while the fake reads a valid charm from
 * {@code specDir} (the harness itself refuses to load a malformed or missing metadata.yaml).
 */
class BadToolOutputAndCharmFilesTest {
  @TempDir
  Path charmDir;
  /** The unit's state, kept across the hooks of one test. */
  final MemoryStateStore state = new MemoryStateStore();
  @TempDir
  Path specDir;
  CharmSpec spec;
  FakeHookTools fake;

  @BeforeEach
  void fake() throws IOException {
    Files.writeString(specDir.resolve("metadata.yaml"), "name: app\nrequires:\n  db: {interface: pgsql}\n");
    spec = CharmSpec.load(specDir);
    fake = FakeHookTools.open(spec, JujuState.forUnit("app/0"), HookEvent.install());
  }

  HookTools tools() {
    return new HookTools(fake, HookEnvironment.of(Map.of("JUJU_HOOK_NAME", "install",
        "JUJU_UNIT_NAME", "app/0", "CHARM_DIR", charmDir.toString())));
  }

  @Test
  void emptyOrNonBooleanIsLeaderOutputIsANamedError() {
    fake.answer("is-leader", args -> new ToolResult(0, "", ""));
    ReactiveException empty = assertThrows(ReactiveException.class, () -> tools().isLeader());
    assertEquals("is-leader --format=json printed nothing; expected true or false", empty.getMessage());
    fake.answer("is-leader", args -> new ToolResult(0, "\"yes\"\n", ""));
    ReactiveException odd = assertThrows(ReactiveException.class, () -> tools().isLeader());
    assertTrue(odd.getMessage().contains("printed \"yes\"; expected true or false"), odd.getMessage());
    fake.answer("is-leader", args -> new ToolResult(0, "true\n", ""));
    assertTrue(tools().isLeader());
  }

  @Test
  void controlCharactersInToolOutputAreEscapedInMessages() {
    fake.answer("relation-ids", args -> new ToolResult(0, "not json\u0000\u001b[31m\nmore", ""));
    ReactiveException e = assertThrows(ReactiveException.class, () -> tools().relationIds("db"));
    assertTrue(e.getMessage().contains("not json\\u0000\\u001b[31m\\u000amore"), e.getMessage());
    assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), e.getMessage());

    fake.answer("config-get", args -> new ToolResult(2, "", "ERROR bad\u0000thing\n\u0007"));
    HookToolException failed = assertThrows(HookToolException.class, () -> tools().run("config-get",
        List.of("a\u0000b"), null));
    assertEquals("config-get a\\u0000b failed with exit code 2: ERROR bad\\u0000thing\\u000a\\u0007",
        failed.getMessage());
    assertEquals("ERROR bad\u0000thing\n\u0007", failed.stderr(), "the accessor keeps the text");
  }

  @Test
  void aNulInALogMessageDoesNotSendTheLogToStandardError() {
    HookLog log = tools().jujuLogSink();
    log.error("tool said a\u0000b");
    log.error("next line");
    log.flush();
    assertEquals(List.of(new LogLine("ERROR", "tool said a\\u0000b\nnext line")), fake.logs());
  }

  @Test
  void jsonBeyondTheReadersLimitsNamesTheLimitNotJustNotJson() {
    String deep = "[".repeat(1500) + "]".repeat(1500);
    fake.answer("relation-ids", args -> new ToolResult(0, deep, ""));
    ReactiveException nesting = assertThrows(ReactiveException.class, () -> tools().relationIds("db"));
    assertTrue(nesting.getMessage().contains("beyond a limit of the JSON reader")
        && nesting.getMessage().contains("nesting depth"), nesting.getMessage());
    assertFalse(nesting.getMessage().contains("not JSON"), nesting.getMessage());

    String huge = "[\"" + "x".repeat(21_000_000) + "\"]";
    fake.answer("relation-ids", args -> new ToolResult(0, huge, ""));
    ReactiveException length = assertThrows(ReactiveException.class, () -> tools().relationIds("db"));
    assertTrue(length.getMessage().contains("String value length")
        && length.getMessage().contains("maximum allowed"), length.getMessage());
    assertTrue(length.getMessage().length() < 1000, "the output itself is not quoted");
  }

  HookRun hook(String name) {
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_HOOK_NAME", name);
    env.put("JUJU_UNIT_NAME", "app/0");
    env.put("JUJU_CONTEXT_ID", "ctx-1");
    env.put("CHARM_DIR", charmDir.toString());
    List<String> ran = new ArrayList<>();
    ReactiveCharm charm = ReactiveCharm.builder().use(Juju.integration())
        .handler(Handler.named("h").whenNot("x").invoke(ctx -> ran.add("h")))
        .log(services -> (level, message) -> { })
        .build();
    FakeHookTools hookTools = FakeHookTools.open(spec, JujuState.forUnit("app/0"), HookEvent.unit(name));
    HookRun run = charm.execute(HookEnvironment.of(env),
        new HookOverrides(state, Map.of(ToolRunner.class, hookTools)));
    hookTools.finish(run.succeeded());
    assertEquals(run.succeeded() ? List.of("h") : List.of(), ran, "a failed start runs no handler");
    return run;
  }

  @Test
  void aMalformedMetadataYamlFailsTheHookAtStartNamingFileAndLine() throws IOException {
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\nsummary: [unclosed\n");
    HookRun run = hook("install");
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains(charmDir.resolve("metadata.yaml").toString())
        && message.contains("at line 3"), message);
  }

  @Test
  void aMalformedActionsYamlFailsTheHookAtStartNamingFileAndLine() throws IOException {
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\n");
    Files.writeString(charmDir.resolve("actions.yaml"), "backup:\n  description: x\n bad: indent\n");
    HookRun run = hook("update-status");
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains(charmDir.resolve("actions.yaml").toString())
        && message.contains("at line 3"), message);

    Files.writeString(charmDir.resolve("actions.yaml"), "- a list\n");
    message = hook("update-status").error().orElseThrow().getMessage();
    assertTrue(message.contains("actions.yaml: the top level must be a mapping"), message);
  }

  @Test
  void wellFormedOrAbsentFilesPass() throws IOException {
    assertTrue(hook("install").succeeded(), "no metadata.yaml or actions.yaml: nothing to check");
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\nrequires:\n  db: {interface: pgsql}\n");
    Files.writeString(charmDir.resolve("actions.yaml"), "backup:\n  description: x\nnoop:\n");
    assertTrue(hook("install").succeeded());
  }

  @Test
  void filesCheckedByACommittedHookAreCheckedAgainWhenTheirBytesChange() throws IOException {
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\n");
    assertTrue(hook("install").succeeded());
    assertTrue(hook("update-status").succeeded(), "the same bytes: not parsed again, still fine");

    // the same length, another byte: an edit the record must notice
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: [p\n");
    HookRun run = hook("update-status");
    assertFalse(run.succeeded());
    assertTrue(run.error().orElseThrow().getMessage().contains("metadata.yaml"));
    // the failed hook committed nothing: the next one checks again and fails again
    assertFalse(hook("update-status").succeeded());

    Files.writeString(charmDir.resolve("actions.yaml"), "- a list\n");
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\n");
    assertFalse(hook("update-status").succeeded(), "a new actions.yaml is checked too");
    Files.delete(charmDir.resolve("actions.yaml"));
    assertTrue(hook("update-status").succeeded());
  }
}
