package charms.reactive.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class CharmPackerTest {
  @TempDir
  Path dir;

  CharmPacker.PackResult pack(Path source, List<PackRequest.LibJar> jars) {
    return CharmPacker.pack(Fixtures.request(dir, source, jars));
  }

  /** Without packed options the launcher's own defaults apply: dispatch sets no options of its own. */
  @Test
  void withoutJavaOptionsDispatchLeavesTheLaunchersDefaults() throws Exception {
    Path source = Fixtures.charmSource(dir);
    PackRequest base = Fixtures.request(dir, source, List.of(Fixtures.charmJar(dir)));
    Path charm = CharmPacker.pack(new PackRequest(base.source(), base.charmDirectory(),
        base.charmFile(), base.jars(), base.mainClass(), base.bases(), base.architectures(), null,
        base.jrePackage(), base.runtime())).charmDirectory();
    String dispatch = Files.readString(charm.resolve("dispatch"));
    assertFalse(dispatch.contains("CHARMS_REACTIVE_DEFAULT_JAVA_OPTS="), dispatch);
    assertTrue(Files.readString(charm.resolve("bin/reactive-java"))
        .contains("REACTIVE_JAVA_DEFAULT_OPTS=\"-XX:TieredStopAtLevel=1"));
  }

  @Test
  void writesEveryPartOfACharm() throws Exception {
    Path source = Fixtures.charmSource(dir);
    PackRequest.LibJar dep = new PackRequest.LibJar("dep-2.0.jar",
        Fixtures.jar(dir.resolve("build/dep-2.0.jar"), Map.of("dep/X.class", "x")));
    CharmPacker.PackResult result = pack(source, List.of(Fixtures.charmJar(dir), dep));
    Path charm = result.charmDirectory();

    for (String copied : List.of("metadata.yaml", "config.yaml", "actions.yaml", "templates/app.conf.j2")) {
      assertEquals(Files.readString(source.resolve(copied)), Files.readString(charm.resolve(copied)), copied);
    }
    assertTrue(Files.isExecutable(charm.resolve("reactive/app.sh")), "bash handlers stay executable");
    String dispatch = Files.readString(charm.resolve("dispatch"));
    assertTrue(dispatch.contains("reactive_java_exec \"$_root\" 'com.example.charm.Main'"), dispatch);
    assertTrue(dispatch.contains("CHARMS_REACTIVE_DEFAULT_JAVA_OPTS='-XX:+UseSerialGC -Xshare:auto'"), dispatch);
    assertTrue(Files.isExecutable(charm.resolve("dispatch")));
    assertTrue(Files.isRegularFile(charm.resolve("bin/reactive-java")));
    assertEquals(Set.of("fixture-1.0.jar", "dep-2.0.jar", "jars.sha256"), names(charm.resolve("lib")));

    Set<String> hooks = names(charm.resolve("hooks"));
    for (String hook : List.of("install", "config-changed", "update-status", "leader-elected", "stop",
        "remove", "upgrade-charm", "website-relation-joined", "db-relation-changed",
        "db-relation-departed", "db-relation-broken", "cluster-relation-created",
        "data-storage-attaching", "data-storage-detaching", "secret-changed")) {
      assertTrue(hooks.contains(hook), hook + " in " + hooks);
      assertTrue(Files.isExecutable(charm.resolve("hooks").resolve(hook)), hook);
    }
    assertEquals(Set.of("backup"), names(charm.resolve("actions")));
    assertEquals(hooks.size(), result.metadata().hooks().size());

    Map<String, Object> manifest = new Yaml().load(Files.readString(charm.resolve("manifest.yaml")));
    assertEquals(List.of(Map.of("name", "ubuntu", "channel", "22.04", "architectures", List.of("amd64")),
        Map.of("name", "ubuntu", "channel", "24.04", "architectures", List.of("amd64"))),
        manifest.get("bases"));
    assertFalse(Files.exists(charm.resolve("bin/charms.reactive.sh")), "no reactive-bash, no bash helper");
  }

  @Test
  void theCharmFileHoldsTheSameFilesWithTheirModes() throws Exception {
    CharmPacker.PackResult result = pack(Fixtures.charmSource(dir), List.of(Fixtures.charmJar(dir)));
    Path charm = result.charmDirectory();
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + result.charmFile().toUri()),
        Map.of("enablePosixFileAttributes", "true"));
        Stream<Path> files = Files.walk(charm)) {
      List<Path> regular = files.filter(Files::isRegularFile).toList();
      for (Path file : regular) {
        Path entry = zip.getPath(charm.relativize(file).toString());
        assertTrue(Files.exists(entry), entry.toString());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(entry)), entry.toString());
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
            PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)), entry.toString());
      }
      assertEquals("rwxr-xr-x", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(zip.getPath("hooks/install"))));
      assertTrue(regular.size() >= 40, "every hook is in: " + regular.size());
    }
    // The same inputs give the same bytes (fixed entry times and order).
    byte[] first = Files.readAllBytes(result.charmFile());
    pack(dir.resolve("src/charm"), List.of(Fixtures.charmJar(dir)));
    assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(result.charmFile())));
  }

  @Test
  void reactiveBashAmongTheJarsBringsItsScripts() throws Exception {
    PackRequest.LibJar bash = new PackRequest.LibJar("reactive-bash.jar", Fixtures.jar(dir.resolve("b.jar"),
        Map.of(CharmPacker.BASH_SCRIPTS + "charms.reactive", "#!/bin/bash\ncli\n",
            CharmPacker.BASH_SCRIPTS + "charms.reactive.sh", "helpers\n")));
    Path charm = pack(Fixtures.charmSource(dir), List.of(Fixtures.charmJar(dir), bash)).charmDirectory();
    assertEquals("helpers\n", Files.readString(charm.resolve("bin/charms.reactive.sh")));
    assertTrue(Files.isExecutable(charm.resolve("bin/charms.reactive")));
  }

  @Test
  void packingAgainStartsFromAnEmptyDirectory() throws Exception {
    Path source = Fixtures.charmSource(dir);
    Path charm = pack(source, List.of(Fixtures.charmJar(dir))).charmDirectory();
    Files.delete(source.resolve("templates/app.conf.j2"));
    pack(source, List.of(Fixtures.charmJar(dir)));
    assertFalse(Files.exists(charm.resolve("templates/app.conf.j2")));
  }

  @Test
  void noMetadataNamesTheFile() throws Exception {
    Path source = Files.createDirectories(dir.resolve("empty"));
    CharmPackException e = assertThrows(CharmPackException.class,
        () -> pack(source, List.of(Fixtures.charmJar(dir))));
    assertTrue(e.getMessage().startsWith(source.resolve("metadata.yaml") + ": missing"), e.getMessage());
  }

  @Test
  void aYamlErrorNamesTheFile() throws Exception {
    Path source = Fixtures.charmSource(dir);
    Files.writeString(source.resolve("config.yaml"), "options:\n  port: [unclosed\n");
    CharmPackException e = assertThrows(CharmPackException.class,
        () -> pack(source, List.of(Fixtures.charmJar(dir))));
    assertTrue(e.getMessage().startsWith(source.resolve("config.yaml") + ": not valid YAML"), e.getMessage());

    Files.writeString(source.resolve("config.yaml"), "options: {}\n");
    Files.writeString(source.resolve("actions.yaml"), "- a list\n");
    e = assertThrows(CharmPackException.class, () -> pack(source, List.of(Fixtures.charmJar(dir))));
    assertTrue(e.getMessage().startsWith(source.resolve("actions.yaml") + ": the file must be a YAML mapping"),
        e.getMessage());
  }

  @Test
  void aMainClassInNoJarIsNamed() throws Exception {
    Path source = Fixtures.charmSource(dir);
    PackRequest.LibJar other = new PackRequest.LibJar("other.jar",
        Fixtures.jar(dir.resolve("other.jar"), Map.of("x/Y.class", "y")));
    CharmPackException e = assertThrows(CharmPackException.class, () -> pack(source, List.of(other)));
    assertEquals("mainClass: com.example.charm.Main is in none of the charm's jars ([other.jar])", e.getMessage());
  }

  @Test
  void namesThatWouldEscapeTheHooksDirectoryAreRejected() throws Exception {
    Path source = Fixtures.charmSource(dir);
    Files.writeString(source.resolve("metadata.yaml"), "name: fixture\nrequires:\n  ../../x:\n    interface: y\n");
    CharmPackException e = assertThrows(CharmPackException.class,
        () -> pack(source, List.of(Fixtures.charmJar(dir))));
    assertTrue(e.getMessage().contains("requires name ../../x must be"), e.getMessage());
  }

  @Test
  void settingsWrittenIntoDispatchCannotBreakOutOfIt() throws Exception {
    Path source = Fixtures.charmSource(dir);
    PackRequest good = Fixtures.request(dir, source, List.of(Fixtures.charmJar(dir)));
    PackRequest quote = new PackRequest(good.source(), good.charmDirectory(), good.charmFile(), good.jars(),
        good.mainClass(), good.bases(), good.architectures(), "-Dx=' ; rm -rf /", good.jrePackage(), null);
    assertTrue(assertThrows(CharmPackException.class, () -> CharmPacker.pack(quote)).getMessage()
        .startsWith("javaOptions: "));
    PackRequest base = new PackRequest(good.source(), good.charmDirectory(), good.charmFile(), good.jars(),
        good.mainClass(), List.of("jammy"), good.architectures(), "", good.jrePackage(), null);
    assertEquals("bases: jammy is not <name>@<channel>, such as ubuntu@22.04",
        assertThrows(CharmPackException.class, () -> CharmPacker.pack(base)).getMessage());
  }

  private static Set<String> names(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void writesTheJarsDigestsThatSha256sumChecks() throws Exception {
    PackRequest.LibJar dep = new PackRequest.LibJar("dep-2.0.jar",
        Fixtures.jar(dir.resolve("build/dep-2.0.jar"), Map.of("dep/X.class", "x")));
    Path lib = pack(Fixtures.charmSource(dir), List.of(Fixtures.charmJar(dir), dep)).charmDirectory()
        .resolve("lib");
    List<String> lines = Files.readAllLines(lib.resolve("jars.sha256"));
    assertEquals(2, lines.size(), lines::toString);
    assertTrue(lines.get(0).matches("[0-9a-f]{64}  dep-2\\.0\\.jar"), lines.get(0));
    assertTrue(lines.get(1).matches("[0-9a-f]{64}  fixture-1\\.0\\.jar"), lines.get(1));
    // sha256sum, an independent implementation, agrees; and a changed jar fails its check
    Process check = new ProcessBuilder("sha256sum", "--check", "--quiet", "jars.sha256")
        .directory(lib.toFile()).redirectErrorStream(true).start();
    String out = new String(check.getInputStream().readAllBytes());
    assertEquals(0, check.waitFor(), out);
    Fixtures.jar(lib.resolve("dep-2.0.jar"), Map.of("dep/X.class", "y"));
    Process again = new ProcessBuilder("sha256sum", "--check", "--quiet", "jars.sha256")
        .directory(lib.toFile()).redirectErrorStream(true).start();
    String failed = new String(again.getInputStream().readAllBytes());
    assertEquals(1, again.waitFor(), failed);
    assertTrue(failed.contains("dep-2.0.jar: FAILED"), failed);
  }
}
