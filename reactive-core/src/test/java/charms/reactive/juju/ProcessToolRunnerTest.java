package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.internal.juju.ProcessToolRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ProcessToolRunner}: real executables with an argument array. (How {@link HookTools}
 * uses the tools is tested against the harness's fake Juju, in reactive-testing.)
 */
class ProcessToolRunnerTest {
  @Test
  void processRunnerRunsARealExecutableWithAnArgumentArray(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path tool = dir.resolve("echo-args");
    java.nio.file.Files.writeString(tool, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done\ncat\necho oops >&2\nexit 3\n");
    tool.toFile().setExecutable(true);
    ProcessToolRunner runner = new ProcessToolRunner(Map.of("PATH", dir + ":/usr/bin:/bin"));
    ToolResult r = runner.run("echo-args", List.of("a b", "$(rm -rf /)", ";"), "stdin!".getBytes());
    assertEquals(3, r.exitCode());
    assertEquals("[a b][$(rm -rf /)][;]stdin!", r.stdout());
    assertEquals("oops\n", r.stderr());
    charms.reactive.ReactiveException missing = assertThrows(charms.reactive.ReactiveException.class,
        () -> runner.run("no-such-tool", List.of(), null));
    assertTrue(missing.getMessage().contains("no-such-tool"));
    assertInstanceOf(charms.reactive.ReactiveException.class, missing);
  }
}
