package charms.reactive.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real jdeps + jlink run on this module's own classes (they need java.base only). */
class JlinkRuntimeTest {
  @TempDir
  Path dir;

  @Test
  void buildsARuntimeOfTheModulesTheJarsNeedThatTheLauncherAccepts() throws Exception {
    Path classes = Path.of("target/classes");
    Path jar = dir.resolve("classes.jar");
    Process jarTool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jar").toString(),
        "--create", "--file", jar.toString(), "-C", classes.toString(), "charms/reactive/maven/internal/CharmMetadata.class")
        .inheritIO().start();
    assertEquals(0, jarTool.waitFor());
    Path runtime = dir.resolve("runtime");
    List<String> modules = JlinkRuntime.build(List.of(jar), runtime);
    assertTrue(modules.contains("java.base"), modules::toString);
    assertTrue(Files.isExecutable(runtime.resolve("bin/java")));
    assertTrue(Files.readString(runtime.resolve("release")).contains("JAVA_VERSION=\"17"),
        "the release file reactive-java reads without starting the JVM");
    assertTrue(Files.readString(runtime.resolve("release")).contains("java.base"));
  }
}
