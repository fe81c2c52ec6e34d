package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HookEnvironment;
import charms.reactive.spi.HookOverrides;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.bench.DispatchBenchmark;
import charms.reactive.state.FileStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An idle hook of a charm with the Juju integration (the in-process benchmark's 30 handlers), in
 * a fresh JVM, writes no state and never builds Jackson's ObjectMapper: the unit state, the hook
 * tools' output and the framework's records are handled as trees read and written by the
 * streaming API (the mapper costs a fresh JVM some hundreds of classes and tens of milliseconds).
 * Nor does it parse {@code metadata.yaml} again (SnakeYAML is about 150 classes) when the file is
 * as a committed hook checked it. Not timed: it checks which classes the hook loads.
 */
class IdleHookColdPathTest {
  @TempDir
  Path dir;

  /** The hook process: {@code <charm dir> <hook>}; prints what ran. */
  public static void main(String[] args) {
    Path charmDir = Path.of(args[0]);
    ReactiveCharm.Builder b =
        DispatchBenchmark.withHandlers(ReactiveCharm.builder().use(Juju.integration()), 10);
    ToolRunner tools = (tool, toolArgs, stdin) -> new ToolResult(0, switch (tool) {
      case "config-get", "leader-get" -> "{\"a-setting\": \"x\"}";
      case "is-leader" -> "true";
      default -> "";
    }, "");
    HookEnvironment env = HookEnvironment.of(Map.of("JUJU_HOOK_NAME", args[1],
        "JUJU_UNIT_NAME", "cold/0", "CHARM_DIR", charmDir.toString()));
    HookRun run = b.build().execute(env, new HookOverrides(
        new FileStateStore(charmDir.resolve(".unit-state.json")), Map.of(ToolRunner.class, tools)));
    System.out.println("RESULT succeeded=" + run.succeeded() + " ran=" + run.handlersRun().size());
  }

  List<String> hook(String name) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-verbose:class", "-cp", System.getProperty("java.class.path"),
        IdleHookColdPathTest.class.getName(), dir.toString(), name)
        .redirectErrorStream(true).start();
    List<String> out = new String(p.getInputStream().readAllBytes()).lines().toList();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), () -> String.join("\n", out));
    return out;
  }

  static String result(List<String> out) {
    return out.stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElse("no RESULT line");
  }

  static boolean loaded(List<String> out, String className) {
    return out.stream().anyMatch(l -> l.contains(" " + className + " source:"));
  }

  @Test
  void anIdleHookReadsTheStateWithoutBuildingAnObjectMapper() throws Exception {
    Files.writeString(dir.resolve("metadata.yaml"), "name: cold\nsummary: s\ndescription: d\n");
    assertEquals("RESULT succeeded=true ran=30", result(hook("install")));
    // (the hook after install clears the changed flags of config and leadership: a change)
    assertEquals("RESULT succeeded=true ran=10", result(hook("update-status")));
    Path file = dir.resolve(".unit-state.json");
    Object written = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

    List<String> idle = hook("update-status");

    assertEquals("RESULT succeeded=true ran=10", result(idle));
    // a commit writes a new file and renames it over the old one: the same inode means no write
    assertEquals(written, Files.readAttributes(file, BasicFileAttributes.class).fileKey(),
        "an idle hook (the leadership and config flags set again as they were) writes nothing");
    assertTrue(loaded(idle, "charms.reactive.spi.StateCodec"), "the state file was read");
    assertTrue(loaded(idle, "com.fasterxml.jackson.core.JsonParser"), "by the streaming parser");
    assertFalse(loaded(idle, "com.fasterxml.jackson.databind.ObjectMapper"),
        "an idle hook builds no ObjectMapper");
    assertFalse(loaded(idle, "org.yaml.snakeyaml.Yaml"),
        "metadata.yaml, unchanged since a committed hook checked it, is not parsed again");
  }
}
