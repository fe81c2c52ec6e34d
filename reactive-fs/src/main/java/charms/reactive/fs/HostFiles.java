package charms.reactive.fs;

import charms.reactive.fs.internal.AtomicWriter;
import charms.reactive.fs.internal.Ownership;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Host file helpers charm authors know from charmhelpers ({@code write_file}, {@code mkdir}),
 * made atomic and idempotent. Stateless and thread-safe; needs a POSIX file system.
 *
 * <p>Errors are {@link UncheckedIOException}s whose message names the path and what failed.
 */
public final class HostFiles {
  private HostFiles() {
  }

  /**
   * Writes {@code content} to {@code target} atomically, and only if it differs from what the file
   * holds: returns true if the content changed (the file was created or replaced).
   *
   * <p>Atomic: the bytes go to a temporary file in the same directory, which is flushed to disk,
   * given its owner, group and mode, and then renamed over the target; the directory is flushed
   * too. A reader (or a crash) sees the old file or the new one, never a mix, and never the new
   * content with the wrong permissions. If the target is a symbolic link, the file it points to
   * is replaced and the link kept.
   *
   * <p>When the content is already the same nothing is written, but the owner, group and mode are
   * still made to match (this does not count as a change).
   *
   * @throws UncheckedIOException naming the path if the directory does not exist, the target is a
   *     directory, or writing, renaming or setting the attributes fails (see {@link FileAttributes}
   *     for owners when not root); the temporary file is removed
   */
  public static boolean write(Path target, byte[] content, FileAttributes attributes) {
    return AtomicWriter.write(target, content, attributes);
  }

  /** {@link #write(Path, byte[], FileAttributes)} of a string's UTF-8 bytes. */
  public static boolean write(Path target, String content, FileAttributes attributes) {
    return write(target, content.getBytes(StandardCharsets.UTF_8), attributes);
  }

  /**
   * Makes sure {@code directory} exists with the given owner, group and mode; returns true if it
   * had to be created. Missing parents are created with the process's defaults (umask); the
   * attributes apply to {@code directory} itself, also when it already existed.
   *
   * @throws UncheckedIOException naming the path if something that is not a directory is in the
   *     way, or creating it or setting its attributes fails
   */
  public static boolean mkdir(Path directory, FileAttributes attributes) {
    boolean created = false;
    try {
      if (!Files.isDirectory(directory)) {
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException("cannot create directory " + directory
              + ": something that is not a directory is in the way");
        }
        Files.createDirectories(directory);
        created = true;
      }
      Ownership.apply(directory.toRealPath(), attributes);
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage().contains(directory.toString()) ? e.getMessage()
          : "cannot create directory " + directory + ": " + e, e);
    }
  }
}
