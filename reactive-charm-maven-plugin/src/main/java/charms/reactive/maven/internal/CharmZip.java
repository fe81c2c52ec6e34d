package charms.reactive.maven.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Zips an unpacked charm into a {@code .charm} file, keeping each file's POSIX mode (Juju runs
 * {@code dispatch} and {@code hooks/*} as they are unzipped, so the executable bits must survive).
 * Uses the JDK's zip file system, whose {@code enablePosixFileAttributes} writes the Unix mode into
 * each entry. Entries are in sorted order with a fixed time, so the same inputs give the same bytes.
 */
final class CharmZip {
  private static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L); // 1980-01-01

  private CharmZip() {
  }

  static void write(Path charmDirectory, Path charmFile) throws IOException {
    Files.deleteIfExists(charmFile);
    Files.createDirectories(charmFile.toAbsolutePath().getParent());
    URI uri = URI.create("jar:" + charmFile.toAbsolutePath().toUri());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(charmDirectory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (FileSystem zip = FileSystems.newFileSystem(uri,
        Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
      for (Path file : files) {
        Path entry = zip.getPath(charmDirectory.relativize(file).toString());
        if (entry.getParent() != null) {
          Files.createDirectories(entry.getParent());
        }
        Files.copy(file, entry);
        Files.setPosixFilePermissions(entry, Files.getPosixFilePermissions(file));
        Files.setLastModifiedTime(entry, FIXED_TIME);
      }
    }
  }
}
