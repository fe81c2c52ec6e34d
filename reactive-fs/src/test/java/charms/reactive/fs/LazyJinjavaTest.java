package charms.reactive.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jinjava costs about 400 ms of class loading per cold JVM, and a hook is a cold JVM: a hook that
 * renders nothing must not load it. Each case runs {@link LazyJinjavaProbe} in a fresh JVM that
 * logs every class it loads ({@code -Xlog:class+load}); the rendering case is the control that
 * shows the probe would see Jinjava if it were loaded.
 */
class LazyJinjavaTest {
  @TempDir
  Path charmDir;

  record Probe(String result, List<String> loaded) {
    boolean loadedAny(String prefix) {
      return loaded.stream().anyMatch(c -> c.startsWith(prefix));
    }
  }

  Probe probe(String mode) throws IOException, InterruptedException {
    Files.createDirectories(charmDir.resolve("templates"));
    Files.writeString(charmDir.resolve("templates/app.j2"), "port={{ port }}\n");
    Path out = Files.createTempFile(charmDir, "probe", ".out");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-Xshare:auto", "-Xlog:class+load=info",
        "-cp", System.getProperty("java.class.path"), LazyJinjavaProbe.class.getName(),
        charmDir.toString(), mode)
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the probe JVM did not finish");
    List<String> lines = Files.readAllLines(out);
    String result = null;
    List<String> loaded = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("PROBE-RESULT ")) {
        result = line.substring("PROBE-RESULT ".length());
      }
      int at = line.indexOf("[class,load] ");
      if (at >= 0) {
        String rest = line.substring(at + "[class,load] ".length());
        loaded.add(rest.split(" ", 2)[0]);
      }
    }
    assertEquals(0, process.exitValue(), () -> String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    assertTrue(loaded.size() > 100, "the class-load log was read");
    return new Probe(result, loaded);
  }

  @Test
  void aHookThatRendersNothingLoadsNoJinjavaClass() throws Exception {
    Probe p = probe("none");
    assertEquals("true [maybe-render]", p.result());
    assertTrue(p.loadedAny("charms.reactive.fs.Templates"), "the module was in use");
    assertTrue(p.loadedAny("charms.reactive.fs.FileChangedCondition"), "the module was in use");
    List<String> jinjava = p.loaded().stream()
        .filter(c -> c.startsWith("com.hubspot.") || c.startsWith("charms.reactive.fs.internal.JinjavaRenderer"))
        .toList();
    assertEquals(List.of(), jinjava);
  }

  @Test
  void aHookThatRendersLoadsJinjavaThenAndTheRestartFollows() throws Exception {
    Probe p = probe("render");
    assertEquals("true [maybe-render, restart]", p.result());
    assertTrue(p.loadedAny("com.hubspot.jinjava.Jinjava"), "control: the probe sees Jinjava load");
    assertTrue(p.loadedAny("charms.reactive.fs.internal.JinjavaRenderer$Engines"));
  }
}
