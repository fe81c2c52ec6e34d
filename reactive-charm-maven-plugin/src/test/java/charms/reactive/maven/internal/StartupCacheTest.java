package charms.reactive.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start-up cache of bin/reactive-java with real JVMs: a packed charm whose main class is a
 * real (tiny) class, run through dispatch twice. {@code -Xlog:class+load} says where the main
 * class came from: "source: file:" the jar, "source: shared objects file" the cache.
 * Runs on the JDK 17 and the Temurin 25 JDK under /usr/lib/jvm; a missing one is skipped, saying so.
 */
class StartupCacheTest {
  static final String MAIN = "cachetest.Hook";

  @TempDir
  Path dir;
  Path charm;
  Path cache;

  void setUp(String jdk) throws Exception {
    assumeTrue(Files.isExecutable(Path.of(jdk, "bin/java")), jdk + " is not installed: this JDK's cache is not tested");
    Path src = Files.createDirectories(dir.resolve("src/cachetest"));
    Files.writeString(src.resolve("Hook.java"), "package cachetest; public class Hook { public static void main(String[] a) {"
        + " System.out.println(\"hook ran \" + System.getenv(\"JUJU_DISPATCH_PATH\")); } }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", classes.toString(),
        src.resolve("Hook.java").toString()));
    Path jar = dir.resolve("build/hook-1.0.jar");
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      j.setComment("build 1");
      j.putNextEntry(new JarEntry("cachetest/Hook.class"));
      j.write(Files.readAllBytes(classes.resolve("cachetest/Hook.class")));
      j.closeEntry();
    }
    PackRequest base = Fixtures.request(dir, Fixtures.charmSource(dir), List.of(new PackRequest.LibJar("hook-1.0.jar", jar)));
    charm = CharmPacker.pack(new PackRequest(base.source(), base.charmDirectory(), base.charmFile(), base.jars(), MAIN,
        base.bases(), base.architectures(), base.javaOptions(), base.jrePackage(), base.runtime())).charmDirectory();
    cache = charm.resolve(".cache/reactive-jvm");
  }

  record Run(int exit, String output) {
    boolean fromCache() {
      return output.contains(MAIN + " source: shared objects file");
    }

    boolean fromJar() {
      return output.contains(MAIN + " source: file:");
    }
  }

  Run hook(String jdk) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(charm.resolve("dispatch").toString()).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", jdk);
    pb.environment().put("JUJU_DISPATCH_PATH", "hooks/update-status");
    pb.environment().put("CHARMS_REACTIVE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:class+load");
    pb.environment().remove("CHARMS_REACTIVE_JVM_CACHE");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    Run r = new Run(p.exitValue(), out);
    assertEquals(0, r.exit(), out);
    assertTrue(out.contains("hook ran hooks/update-status"), out);
    return r;
  }

  Path archive(String jdk) {
    return cache.resolve(jdk.contains("temurin-25") ? "jvm.aot" : "jvm.jsa");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-25-jdk-amd64"})
  void theFirstHookWritesTheCacheAndTheNextUsesIt(String jdk) throws Exception {
    setUp(jdk);
    Run first = hook(jdk);
    // (On 25 the JVM that assembles the cache at exit loads the class from it too.)
    assertTrue(first.fromJar(), first.output());
    assertTrue(Files.size(archive(jdk)) > 0);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    try (var left = Files.list(cache)) {
      assertEquals(Set.of("key", archive(jdk).getFileName().toString()),
          left.map(f -> f.getFileName().toString()).collect(Collectors.toSet()), "no temporary files");
    }
    Run second = hook(jdk);
    assertTrue(second.fromCache(), second.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-25-jdk-amd64"})
  void aTruncatedCacheIsIgnoredAndReplaced(String jdk) throws Exception {
    setUp(jdk);
    hook(jdk);
    long size = Files.size(archive(jdk));
    // JDK 17 dies of SIGBUS on a truncated archive even with -Xshare:auto: the key must catch it.
    byte[] half = Files.readAllBytes(archive(jdk));
    Files.write(archive(jdk), java.util.Arrays.copyOf(half, half.length / 2));
    Run damaged = hook(jdk);
    assertTrue(damaged.fromJar(), damaged.output());
    // Rewritten whole (an AOT cache's size varies a little from one writing to the next), and keyed anew.
    long rewritten = Files.size(archive(jdk));
    assertTrue(rewritten > size * 9 / 10, rewritten + " bytes, first " + size);
    assertTrue(Files.readString(cache.resolve("key")).contains("\narchive " + rewritten + " "));
    assertTrue(hook(jdk).fromCache());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-25-jdk-amd64"})
  void aForeignArchiveOfTheRightSizeIsIgnoredByTheJvm(String jdk) throws Exception {
    setUp(jdk);
    hook(jdk);
    // Same size and mtime, garbage inside: the key cannot see it; -Xshare:auto (or the AOT
    // cache's default auto mode) must make the JVM run without it.
    Path a = archive(jdk);
    FileTime mtime = Files.getLastModifiedTime(a);
    byte[] junk = new byte[(int) Files.size(a)];
    new java.util.Random(1).nextBytes(junk);
    a.toFile().setWritable(true);
    Files.write(a, junk);
    Files.setLastModifiedTime(a, mtime);
    Run r = hook(jdk);
    assertTrue(r.fromJar(), r.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-25-jdk-amd64"})
  void changingAJarChangesTheKey(String jdk) throws Exception {
    setUp(jdk);
    hook(jdk);
    String key = Files.readString(cache.resolve("key"));
    Fixtures.jar(charm.resolve("lib/extra-1.0.jar"), Map.of("x.txt", "upgrade-charm brought this"));
    Run upgraded = hook(jdk);
    assertTrue(upgraded.fromJar(), upgraded.output());
    assertNotEquals(key, Files.readString(cache.resolve("key")));
    assertTrue(Files.readString(cache.resolve("key")).contains("extra-1.0.jar"));
    assertTrue(hook(jdk).fromCache());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/lib/jvm/java-17-openjdk-amd64"})
  void anUnwritableCacheDirectoryStillRunsTheHook(String jdk) throws Exception {
    setUp(jdk);
    // A file where the directory should be: mkdir fails even for root, as a read-only disk would.
    Files.writeString(charm.resolve(".cache"), "in the way");
    Run r = hook(jdk);
    assertTrue(r.fromJar() && !r.fromCache(), r.output());
    assertEquals(List.of("hook ran hooks/update-status"),
        r.output().lines().filter(l -> !l.startsWith("[")).toList(), "nothing but the hook's own output");
    assertEquals("in the way", Files.readString(charm.resolve(".cache")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-25-jdk-amd64"})
  void aJarOfTheSameSizeAndMtimeWithOtherDigestsRebuildsTheCache(String jdk) throws Exception {
    setUp(jdk);
    hook(jdk);
    assertTrue(hook(jdk).fromCache());
    // What an upgrade-charm unzipping a rebuilt charm can look like: a jar of the same size and
    // (reproducible build) mtime with other content; only the packed digests tell.
    Path jar = charm.resolve("lib/hook-1.0.jar");
    FileTime mtime = Files.getLastModifiedTime(jar);
    byte[] bytes = Files.readAllBytes(jar);
    assertEquals('1', bytes[bytes.length - 1], "the jar ends with its comment");
    bytes[bytes.length - 1] = '2';
    Files.write(jar, bytes);
    Files.setLastModifiedTime(jar, mtime);
    Files.writeString(charm.resolve("lib/jars.sha256"), CharmPacker.jarDigests(charm.resolve("lib")));
    Files.setLastModifiedTime(charm.resolve("lib/jars.sha256"), mtime);
    Run upgraded = hook(jdk);
    assertTrue(upgraded.fromJar(), upgraded.output());
    assertTrue(Files.readString(cache.resolve("key")).contains(CharmPacker.jarDigests(charm.resolve("lib"))));
    assertTrue(hook(jdk).fromCache());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/lib/jvm/java-17-openjdk-amd64"})
  void withoutPackedDigestsTheKeyHoldsEachJarsSizeAndMtime(String jdk) throws Exception {
    setUp(jdk);
    Files.delete(charm.resolve("lib/jars.sha256"));
    hook(jdk);
    String key = Files.readString(cache.resolve("key"));
    Path jar = charm.resolve("lib/hook-1.0.jar");
    assertTrue(key.contains(jar.toRealPath() + " " + Files.size(jar) + " "), key);
    assertTrue(hook(jdk).fromCache());
    Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
    assertTrue(hook(jdk).fromJar(), "an older jar is another jar");
    assertTrue(hook(jdk).fromCache());
  }
}
