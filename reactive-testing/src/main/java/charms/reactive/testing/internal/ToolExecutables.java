package charms.reactive.testing.internal;

import charms.reactive.testing.HarnessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory of fake hook tools: one bash script, {@code jujuc}, and a symlink to it
 * for every tool name, to put first on a hook's {@code PATH}. The script talks to a
 * {@link ToolServer} through Juju's own variables. Deleted by {@link #close()}.
 */
public final class ToolExecutables implements AutoCloseable {
  private static final String SCRIPT = "jujuc.sh";

  private final Path directory;

  private ToolExecutables(Path directory) {
    this.directory = directory;
  }

  /**
   * Creates the directory.
   *
   * @throws HarnessException if it cannot be written
   */
  public static ToolExecutables create() {
    try {
      Path dir = Files.createTempDirectory("juju-tools-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path script = dir.resolve("jujuc");
      try (InputStream in = ToolExecutables.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new HarnessException("resource " + SCRIPT + " is missing from reactive-testing");
        }
        Files.copy(in, script);
      }
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      for (String tool : ToolRegistry.executableNames()) {
        Files.createSymbolicLink(dir.resolve(tool), Path.of("jujuc"));
      }
      return new ToolExecutables(dir);
    } catch (IOException e) {
      throw new HarnessException("cannot create the fake hook tool executables: " + e, e);
    }
  }

  /** The directory to put first on {@code PATH}. */
  public Path directory() {
    return directory;
  }

  /** The path of one tool. */
  public Path tool(String name) {
    return directory.resolve(name);
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new HarnessException("cannot delete " + directory + ": " + e, e);
    }
  }
}
