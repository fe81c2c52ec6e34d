package charms.reactive.examples.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example charm {@code charms/source-order}, compiled by a separate {@code javac} process of
 * the default JDK and of JDK 25 and run as an install hook by that JDK's {@code java}: with the
 * documented setup (the processor path, or {@code -proc:full}) its handlers run in source order
 * on both; compiled by javac 25 without that setup (javac 23 and later no longer run processors
 * found on the class path) the hook fails with an error that says how to enable the processor,
 * instead of running the handlers in another order.
 *
 * <p>JDK 25 is looked for in {@code -Dcharms.reactive.jdk25=<home>}, then under
 * {@code /usr/lib/jvm}; without one, the JDK 25 tests are skipped with that reason.
 */
class HandlerIndexAcrossJdksTest {
  static final Path CHARM = Path.of("charms/source-order");
  static final List<String> SOURCE_ORDER = List.of("ran zebra", "ran mango", "ran apple", "ran kiwi",
      "ran fig");

  @TempDir
  Path tmp;

  record Result(int exitCode, String stdout, String stderr) {
    String describe() {
      return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  @Test
  void theDefaultJdkWithTheProcessorPathRunsHandlersInSourceOrder() throws Exception {
    assertSourceOrder(defaultJdk(), List.of("-processorpath", classPath()));
  }

  @Test
  void theDefaultJdkFindsTheProcessorOnTheClassPath() throws Exception {
    assertSourceOrder(defaultJdk(), List.of());
  }

  @Test
  void jdk25WithTheProcessorPathRunsHandlersInSourceOrder() throws Exception {
    // with the metadata, the processor also checks the @Hook patterns against the charm's hooks
    assertSourceOrder(jdk25(), List.of("-processorpath", classPath(),
        "-Acharms.reactive.metadata=" + CHARM.resolve("metadata.yaml")));
  }

  @Test
  void jdk25WithProcFullRunsHandlersInSourceOrder() throws Exception {
    assertSourceOrder(jdk25(), List.of("-proc:full"));
  }

  @Test
  void jdk25WithoutTheSetupFailsTheHookSayingHowToEnableTheProcessor() throws Exception {
    Path jdk = jdk25();
    Path out = compile(jdk, List.of());
    assertFalse(Files.exists(out.resolve("META-INF/charms.reactive/handlers/order.OrderCharm.list")),
        "javac 25 does not run a processor found on the class path by default");
    Result run = runInstallHook(jdk, out);
    assertEquals(1, run.exitCode(), run::describe);
    assertEquals("", run.stdout(), "no handler ran, in any order");
    for (String part : List.of("order.OrderCharm has handler methods but no handler index",
        "annotationProcessorPaths", "-proc:full")) {
      assertTrue(run.stderr().contains(part), () -> "'" + part + "' not in:\n" + run.describe());
    }
  }

  void assertSourceOrder(Path jdk, List<String> processorOptions) throws Exception {
    Path out = compile(jdk, processorOptions);
    assertEquals(List.of("zebra", "mango", "apple", "kiwi", "fig"),
        Files.readAllLines(out.resolve("META-INF/charms.reactive/handlers/order.OrderCharm.list")));
    Result run = runInstallHook(jdk, out);
    assertEquals(0, run.exitCode(), run::describe);
    assertEquals(SOURCE_ORDER, run.stdout().lines().toList(), run::describe);
  }

  Path compile(Path jdk, List<String> processorOptions) throws Exception {
    Path out = Files.createDirectories(tmp.resolve("classes"));
    List<String> command = new ArrayList<>(List.of(jdk.resolve("bin/javac").toString(),
        "--release", "17", "-d", out.toString(), "-cp", classPath()));
    command.addAll(processorOptions);
    command.add(CHARM.resolve("src/order/OrderCharm.java").toString());
    Result javac = exec(command, Map.of());
    assertEquals(0, javac.exitCode(), javac::describe);
    return out;
  }

  Result runInstallHook(Path jdk, Path classes) throws Exception {
    Path charmDir = Files.createDirectories(tmp.resolve("charm"));
    Files.copy(CHARM.resolve("metadata.yaml"), charmDir.resolve("metadata.yaml"));
    return exec(List.of(jdk.resolve("bin/java").toString(), "-cp",
        classes + File.pathSeparator + classPath(), "order.OrderCharm"),
        Map.of("JUJU_DISPATCH_PATH", "hooks/install", "JUJU_UNIT_NAME", "source-order/0",
            "CHARM_DIR", charmDir.toString(),
            "CHARMS_REACTIVE_STATE_FILE", tmp.resolve("state.json").toString()));
  }

  static Result exec(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("JUJU_") || k.startsWith("CHARM"));
    builder.environment().putAll(environment);
    Path stdout = Files.createTempFile("jdk-test", ".out");
    Path stderr = Files.createTempFile("jdk-test", ".err");
    try {
      Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), () -> "timed out: " + command);
      return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  /** The framework and its dependencies: what this test runs with. */
  static String classPath() {
    return System.getProperty("java.class.path");
  }

  static Path defaultJdk() {
    Path home = Path.of(System.getProperty("java.home"));
    assertTrue(Files.isExecutable(home.resolve("bin/javac")), "the default JDK has no javac: " + home);
    return home;
  }

  static Path jdk25() throws IOException {
    Optional<Path> found = Optional.ofNullable(System.getProperty("charms.reactive.jdk25")).map(Path::of);
    if (found.isEmpty() && Files.isDirectory(Path.of("/usr/lib/jvm"))) {
      try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
        found = homes.filter(h -> Files.isExecutable(h.resolve("bin/javac")))
            .filter(h -> majorVersion(h).equals("25")).sorted().findFirst();
      }
    }
    Assumptions.assumeTrue(found.isPresent(),
        "skipped: no JDK 25 (set -Dcharms.reactive.jdk25=<home> or install one under /usr/lib/jvm)");
    return found.get();
  }

  /** The major version from a JDK's {@code release} file, or "" if it cannot be read. */
  static String majorVersion(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return v.split("[.+-]")[0];
        }
      }
    } catch (IOException e) {
      return "";
    }
    return "";
  }
}
