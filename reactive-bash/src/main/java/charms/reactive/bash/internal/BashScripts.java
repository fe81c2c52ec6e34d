package charms.reactive.bash.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the {@code charms.reactive} command line and {@code charms.reactive.sh} are. In the
 * distribution they are in {@code bin/} next to the jars (the system property
 * {@code charms.reactive.bin}, set by {@code reactive-main}); otherwise (tests, an IDE) they are
 * copied once per JVM from the classpath into a private temporary directory.
 */
public final class BashScripts {
  static final String[] SCRIPTS = {"charms.reactive", "charms.reactive.sh"};
  private static Path extracted;

  private BashScripts() {
  }

  /** The directory holding the scripts, to put on the external handlers' PATH. */
  public static synchronized Path binDir() {
    String configured = System.getProperty("charms.reactive.bin");
    if (configured != null && !configured.isEmpty()) {
      return Path.of(configured);
    }
    if (extracted == null) {
      try {
        Path dir = Files.createTempDirectory("charms-reactive-bin",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (String name : SCRIPTS) {
          try (InputStream in = BashScripts.class.getResourceAsStream("/charms/reactive/bash/bin/" + name)) {
            if (in == null) {
              throw new IllegalStateException("the script " + name + " is missing from the classpath");
            }
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
          }
        }
        dir.toFile().deleteOnExit();
        extracted = dir;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot install the charms.reactive scripts", e);
      }
    }
    return extracted;
  }
}
