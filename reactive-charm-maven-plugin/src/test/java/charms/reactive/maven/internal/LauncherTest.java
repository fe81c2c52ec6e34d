package charms.reactive.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packed charm's launcher (dispatch, hooks/<name>, bin/reactive-java) run as processes with
 * fake {@code java}, {@code apt-get} and {@code status-set} executables: a PATH holding only
 * those and the few real commands the scripts use (bash, env, readlink), so no real Java is found.
 * The fake {@code java} writes its arguments and JUJU_DISPATCH_PATH to a file instead of running.
 */
class LauncherTest {
  @TempDir
  Path dir;
  Path charm;
  Path sandbox;
  Path calls;

  @BeforeEach
  void setUp() throws Exception {
    charm = CharmPacker.pack(Fixtures.request(dir, Fixtures.charmSource(dir),
        List.of(Fixtures.charmJar(dir)))).charmDirectory();
    sandbox = Files.createDirectories(dir.resolve("sandbox"));
    for (String tool : List.of("bash", "env", "readlink")) {
      Files.createSymbolicLink(sandbox.resolve(tool), Path.of(which(tool)));
    }
    calls = dir.resolve("calls.log");
    script(sandbox.resolve("status-set"), "echo \"status-set $*\" >> '" + calls + "'");
  }

  /** A fake java that reports {@code version}; with {@code release}, through a release file only. */
  Path fakeJava(Path home, String version, boolean release) throws IOException {
    Path java = home.resolve("bin/java");
    script(java, "if [[ \"${1:-}\" == -version ]]; then "
        + (release ? "echo 'asked for -version' >&2; exit 3" : "echo 'openjdk version \"" + version + "\" 2024-01-16' >&2")
        + "; exit 0; fi\n"
        + "{ echo \"java $0\"; printf 'arg %s\\n' \"$@\"; echo \"dispatch-path ${JUJU_DISPATCH_PATH:-}\"; } >> '" + calls + "'\n");
    if (release) {
      Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    }
    return java;
  }

  Result run(Path program, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(program.toString()).directory(charm.toFile())
        .redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().put("PATH", sandbox.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String log = Files.exists(calls) ? Files.readString(calls) : "";
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes()), log);
  }

  record Result(int exit, String output, String calls) {
    List<String> args() {
      return calls.lines().filter(l -> l.startsWith("arg ")).map(l -> l.substring(4)).toList();
    }
  }

  @Test
  void javaHomeComesFirstAndTheMainClassRunsOnTheJars() throws Exception {
    fakeJava(dir.resolve("jdk17"), "17.0.2", true);
    fakeJava(sandbox.getParent().resolve("path-jdk"), "21.0.1", false);
    Files.createSymbolicLink(sandbox.resolve("java"), dir.resolve("path-jdk/bin/java"));
    Result r = run(charm.resolve("dispatch"), Map.of("JAVA_HOME", dir.resolve("jdk17").toString(),
        "JUJU_DISPATCH_PATH", "hooks/config-changed"));
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.calls().startsWith("java " + dir.resolve("jdk17/bin/java")), r.calls());
    assertEquals(List.of("-XX:+UseSerialGC", "-Xshare:auto",
        "-Dcharms.reactive.program=" + charm.resolve("dispatch"),
        "-Dcharms.reactive.bin=" + charm.toRealPath().resolve("bin"),
        "-cp", charm.toRealPath().resolve("lib/fixture-1.0.jar").toString(), Fixtures.MAIN), r.args());
    assertTrue(r.calls().contains("dispatch-path hooks/config-changed"));
  }

  @Test
  void aTooOldJavaHomeIsSkippedForJavaOnPath() throws Exception {
    fakeJava(dir.resolve("jdk11"), "11.0.20", true);
    fakeJava(dir.resolve("path-jdk"), "21.0.1", false);
    Files.createSymbolicLink(sandbox.resolve("java"), dir.resolve("path-jdk/bin/java"));
    Result r = run(charm.resolve("dispatch"), Map.of("JAVA_HOME", dir.resolve("jdk11").toString(),
        "JUJU_DISPATCH_PATH", "hooks/update-status"));
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.output().contains("skipping " + dir.resolve("jdk11/bin/java") + ": Java 11"), r.output());
    assertTrue(r.calls().startsWith("java " + sandbox.resolve("java")), r.calls());
  }

  @Test
  void javaEightStyleVersionsAreTooOld() throws Exception {
    fakeJava(dir.resolve("old"), "1.8.0_392", false);
    Files.createSymbolicLink(sandbox.resolve("java"), dir.resolve("old/bin/java"));
    Result r = run(charm.resolve("dispatch"), Map.of("JUJU_DISPATCH_PATH", "hooks/start"));
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.output().contains(": Java 8, 17 or later is needed"), r.output());
  }

  @Test
  void aBundledRuntimeIsTheLastResort() throws Exception {
    fakeJava(charm.resolve("runtime"), "17.0.9", true);
    Result r = run(charm.resolve("dispatch"), Map.of("JUJU_DISPATCH_PATH", "hooks/start"));
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.calls().startsWith("java " + charm.toRealPath().resolve("runtime/bin/java")), r.calls());
  }

  @Test
  void withoutJavaAHookOtherThanInstallFailsSayingSo() throws Exception {
    script(sandbox.resolve("apt-get"), "echo \"apt-get $*\" >> '" + calls + "'");
    Result r = run(charm.resolve("dispatch"), Map.of("JUJU_DISPATCH_PATH", "hooks/config-changed"));
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.output().contains("no Java runtime 17 or later on this unit"), r.output());
    assertTrue(r.output().contains("the install hook installs one"), r.output());
    assertEquals("", r.calls(), "no apt-get, no status outside install");
  }

  @Test
  void withoutJavaTheInstallHookInstallsTheJreWithApt() throws Exception {
    // apt-get install puts a Java 17 on PATH, as the real package does with /usr/bin/java.
    Path installed = dir.resolve("usr-lib-jvm");
    fakeJava(installed, "17.0.12", true);
    Files.move(installed.resolve("bin/java"), installed.resolve("bin/java.real"));
    Files.writeString(installed.resolve("release"), "JAVA_VERSION=\"17.0.12\"\n");
    script(sandbox.resolve("apt-get"), "printf ' [%s]' \"$@\" >> '" + calls + "'; echo >> '" + calls + "'\n"
        + "echo \"DEBIAN_FRONTEND=$DEBIAN_FRONTEND\" >> '" + calls + "'\n"
        + "if [[ $1 == install ]]; then " + which("mv") + " '" + installed.resolve("bin/java.real") + "' '" + installed.resolve("bin/java")
        + "'; " + which("ln") + " -s '" + installed.resolve("bin/java") + "' '" + sandbox.resolve("java") + "'; fi");
    Result r = run(charm.resolve("hooks/install"), Map.of());
    assertEquals(0, r.exit(), r::toString);
    List<String> lines = r.calls().lines().toList();
    assertEquals("status-set maintenance installing a Java runtime", lines.get(0));
    assertEquals(" [update] [-q]", lines.get(1));
    assertEquals("DEBIAN_FRONTEND=noninteractive", lines.get(2));
    assertEquals(" [install] [-y] [-q] [--no-install-recommends] [openjdk-17-jre-headless]", lines.get(3));
    assertTrue(r.calls().contains("java " + sandbox.resolve("java")), r.calls());
    assertTrue(r.calls().contains("dispatch-path hooks/install"), r.calls());
  }

  @Test
  void aFailingAptGetFailsTheInstallHook() throws Exception {
    script(sandbox.resolve("apt-get"), "exit 100");
    Result r = run(charm.resolve("dispatch"), Map.of("JUJU_DISPATCH_PATH", "hooks/install",
        "CHARMS_REACTIVE_JRE_PACKAGE", "openjdk-21-jre-headless"));
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.output().contains("installing a Java runtime (openjdk-21-jre-headless) with apt-get failed"),
        r.output());
  }

  @Test
  void hookEntriesAndSymlinksNameTheHookTheyWereCalledBy() throws Exception {
    fakeJava(dir.resolve("jdk"), "17.0.2", true);
    Map<String, String> env = Map.of("JAVA_HOME", dir.resolve("jdk").toString());
    assertTrue(run(charm.resolve("hooks/db-relation-changed"), env).calls()
        .contains("dispatch-path hooks/db-relation-changed"));
    Files.delete(calls);
    assertTrue(run(charm.resolve("actions/backup"), env).calls().contains("dispatch-path actions/backup"));
    Files.delete(calls);

    // A symlink to dispatch, in another directory, by a hook's name.
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/hooks"));
    Files.createSymbolicLink(elsewhere.resolve("leader-elected"), charm.resolve("dispatch"));
    Result r = run(elsewhere.resolve("leader-elected"), env);
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.calls().contains("dispatch-path hooks/leader-elected"), r.calls());
    assertTrue(r.args().contains("-cp") && r.args().contains(charm.toRealPath().resolve("lib/fixture-1.0.jar").toString()),
        r.calls());
    Files.delete(calls);

    // A symlink to a hook entry: the name it was called by counts; the real file finds the charm.
    Files.createSymbolicLink(elsewhere.resolve("stop"), charm.resolve("hooks/install"));
    assertTrue(run(elsewhere.resolve("stop"), env).calls().contains("dispatch-path hooks/stop"));
    Files.delete(calls);

    // Juju's own variables win over the name.
    Map<String, String> named = new HashMap<>(env);
    named.put("JUJU_DISPATCH_PATH", "hooks/upgrade-charm");
    assertTrue(run(charm.resolve("hooks/install"), named).calls().contains("dispatch-path hooks/upgrade-charm"));
  }

  @Test
  void dispatchWithNoHookNamedFailsClearly() throws Exception {
    fakeJava(dir.resolve("jdk"), "17.0.2", true);
    Result r = run(charm.resolve("dispatch"), Map.of("JAVA_HOME", dir.resolve("jdk").toString()));
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.output().contains("dispatch: cannot tell which hook to run: set JUJU_DISPATCH_PATH"), r.output());
    assertFalse(r.calls().contains("java "));
  }

  @Test
  void theUnitMayReplaceTheJvmOptions() throws Exception {
    fakeJava(dir.resolve("jdk"), "17.0.2", true);
    Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", dir.resolve("jdk").toString(),
        "JUJU_DISPATCH_PATH", "hooks/start", "CHARMS_REACTIVE_JAVA_OPTS", "-Xmx64m  -Dglob=*"));
    assertEquals(List.of("-Xmx64m", "-Dglob=*"), run(charm.resolve("dispatch"), env).args().subList(0, 2));
    Files.delete(calls);
    env.put("CHARMS_REACTIVE_JAVA_OPTS", "");
    assertTrue(run(charm.resolve("dispatch"), env).args().get(0).startsWith("-Dcharms.reactive.program="));
  }

  @Test
  void theClassPathListsEveryJarInSortedOrder() throws Exception {
    fakeJava(dir.resolve("jdk"), "17.0.2", true);
    Fixtures.jar(charm.resolve("lib/a-dep-1.jar"), Map.of("x", "y"));
    Fixtures.jar(charm.resolve("lib/zz-dep-1.jar"), Map.of("x", "y"));
    Files.writeString(charm.resolve("lib/notes.txt"), "not a jar");
    List<String> args = run(charm.resolve("dispatch"), Map.of("JAVA_HOME", dir.resolve("jdk").toString(),
        "JUJU_DISPATCH_PATH", "hooks/start")).args();
    Path lib = charm.toRealPath().resolve("lib");
    assertEquals(lib.resolve("a-dep-1.jar") + ":" + lib.resolve("fixture-1.0.jar") + ":" + lib.resolve("zz-dep-1.jar"),
        args.get(args.indexOf("-cp") + 1));
  }

  /** With stat, mkdir, mv and rm on PATH the cache is on; the options follow the Java version. */
  @Test
  void theCacheOptionsFollowTheJavaVersion() throws Exception {
    for (String tool : List.of("stat", "mkdir", "mv", "rm")) {
      Files.createSymbolicLink(sandbox.resolve(tool), Path.of(which(tool)));
    }
    Path cache = charm.toRealPath().resolve(".cache/reactive-jvm");
    Map<String, List<String>> expected = Map.of(
        "17.0.2", List.of("-XX:ArchiveClassesAtExit=" + cache + "/jvm.jsa.tmp", "-Xshare:auto", "-Xlog:cds*=off", "-XX:+UseSerialGC", "-Xshare:auto"),
        "21.0.1", List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cache + "/jvm.jsa.tmp", "-Xshare:auto",
            "-Xlog:cds*=off", "-XX:+UseSerialGC", "-Xshare:auto"),
        // The AOT cache options refuse any -Xshare option, so the packed one is dropped.
        "25.0.1", List.of("-XX:AOTCacheOutput=" + cache + "/jvm.aot.tmp", "-XX:AOTConfiguration=" + cache + "/jvm.aot.tmp.config",
            "-Xlog:cds*=off,aot*=off", "-XX:+UseSerialGC"));
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      fakeJava(dir.resolve("jdk-" + e.getKey()), e.getKey(), true);
      Result r = run(charm.resolve("dispatch"), Map.of("JAVA_HOME", dir.resolve("jdk-" + e.getKey()).toString(),
          "JUJU_DISPATCH_PATH", "hooks/start"));
      assertEquals(0, r.exit(), r::toString);
      List<String> args = r.args().subList(0, e.getValue().size()).stream()
          .map(a -> a.replaceAll("\\.tmp[0-9]+", ".tmp")).toList();
      assertEquals(e.getValue(), args, e.getKey());
      // The fake JVM wrote no archive, so no key is recorded and the next hook tries again.
      assertFalse(Files.exists(cache.resolve("key")), e.getKey());
      Files.delete(calls);
    }
    fakeJava(dir.resolve("jdk-off"), "17.0.2", true);
    Result off = run(charm.resolve("dispatch"), Map.of("JAVA_HOME", dir.resolve("jdk-off").toString(),
        "JUJU_DISPATCH_PATH", "hooks/start", "CHARMS_REACTIVE_JVM_CACHE", "off"));
    assertEquals("-XX:+UseSerialGC", off.args().get(0), off::toString);
  }

  @Test
  void aHookWithAValidCacheStartsNoProcessBeforeJava() throws Exception {
    Path home = dir.resolve("jdk17");
    fakeJava(home, "17.0.2", true);
    // the fake java writes the archive it is asked to write, as a JDK 17 does at exit
    Files.writeString(home.resolve("bin/java"), Files.readString(home.resolve("bin/java")).replace("\n{",
        "\nfor a; do [[ \"$a\" == -XX:ArchiveClassesAtExit=* ]] && echo archive > \"${a#*=}\"; done\n{"));
    // the first hook writes the cache with the usual commands
    for (String tool : List.of("mkdir", "rm", "mv", "stat", "sync")) {
      Files.createSymbolicLink(sandbox.resolve(tool), Path.of(which(tool)));
    }
    Map<String, String> env = Map.of("JAVA_HOME", home.toString(), "JUJU_DISPATCH_PATH", "hooks/update-status");
    Result first = run(charm.resolve("dispatch"), env);
    assertEquals(0, first.exit(), first::toString);
    assertTrue(first.args().stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), first.calls());
    Files.delete(calls);
    // the next hook finds nothing but bash on PATH: no readlink, stat, mkdir... and still uses it
    Path bashOnly = Files.createDirectories(dir.resolve("bash-only"));
    Files.createSymbolicLink(bashOnly.resolve("bash"), Path.of(which("bash")));
    ProcessBuilder pb = new ProcessBuilder(charm.resolve("dispatch").toString()).directory(charm.toFile())
        .redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().put("PATH", bashOnly.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    Result second = new Result(0, out, Files.readString(calls));
    assertTrue(second.args().contains("-XX:SharedArchiveFile=" + charm.resolve(".cache/reactive-jvm/jvm.jsa")),
        second.calls());
    assertTrue(out.isEmpty(), out);
  }

  static void script(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  static String which(String tool) {
    for (String d : System.getenv("PATH").split(File.pathSeparator)) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new IllegalStateException(tool + " is not on PATH");
  }
}
