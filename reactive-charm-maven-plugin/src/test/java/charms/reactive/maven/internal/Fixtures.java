package charms.reactive.maven.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** A small charm source and jars, written into a test's temporary directory. */
final class Fixtures {
  static final String MAIN = "com.example.charm.Main";

  private Fixtures() {
  }

  /** A charm with a relation of each kind, storage, an action, a template and a bash handler. */
  static Path charmSource(Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/charm"));
    Files.writeString(src.resolve("metadata.yaml"), """
        name: fixture
        summary: A charm to pack.
        description: Packed by the tests.
        provides:
          website:
            interface: http
        requires:
          db:
            interface: pgsql
        peers:
          cluster:
            interface: fixture-peers
        storage:
          data:
            type: filesystem
        """);
    Files.writeString(src.resolve("config.yaml"), """
        options:
          port:
            type: int
            default: 8080
            description: The port.
        """);
    Files.writeString(src.resolve("actions.yaml"), """
        backup:
          description: Back up.
          params:
            target:
              type: string
        """);
    Files.createDirectories(src.resolve("templates"));
    Files.writeString(src.resolve("templates/app.conf.j2"), "port = {{ port }}\n");
    Path handler = Files.createDirectories(src.resolve("reactive")).resolve("app.sh");
    Files.writeString(handler, "#!/bin/bash\necho handler\n");
    Files.setPosixFilePermissions(handler, PosixFilePermissions.fromString("rwxr-xr-x"));
    return src;
  }

  /** A jar holding the given entries (name to content). */
  private static final long FIXED_TIME = 315_532_800_000L; // 1980-01-01, the zip format's first day

  static Path jar(Path file, Map<String, String> entries) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        JarEntry entry = new JarEntry(e.getKey());
        // a fixed time: the same fixture written twice is the same bytes (packing is compared
        // byte for byte, and jars.sha256 digests the jars)
        entry.setTime(FIXED_TIME);
        jar.putNextEntry(entry);
        jar.write(e.getValue().getBytes());
        jar.closeEntry();
      }
    }
    return file;
  }

  static PackRequest request(Path dir, Path source, List<PackRequest.LibJar> jars) {
    return new PackRequest(source, dir.resolve("target/charm"), dir.resolve("target/fixture.charm"),
        jars, MAIN, List.of("ubuntu@22.04", "ubuntu@24.04"), List.of("amd64"),
        "-XX:+UseSerialGC -Xshare:auto", "openjdk-17-jre-headless", null);
  }

  static PackRequest.LibJar charmJar(Path dir) throws IOException {
    return new PackRequest.LibJar("fixture-1.0.jar", jar(dir.resolve("build/fixture-1.0.jar"),
        Map.of("com/example/charm/Main.class", "not really a class")));
  }
}
