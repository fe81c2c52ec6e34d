package charms.reactive.fs.internal;

import charms.reactive.fs.FileAttributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Write-to-temporary, flush, set attributes, rename, flush the directory. Stateless. */
public final class AtomicWriter {
  private AtomicWriter() {
  }

  /** See {@code HostFiles.write}. */
  public static boolean write(Path target, byte[] content, FileAttributes attributes) {
    Path file = resolveLinks(target);
    Path directory = file.toAbsolutePath().getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new UncheckedIOException(new NoSuchFileException(target.toString(), null,
          "cannot write " + target + ": directory " + directory + " does not exist"));
    }
    if (Files.isDirectory(file)) {
      throw new UncheckedIOException(new IOException("cannot write " + target + ": it is a directory"));
    }
    if (sameContent(file, content)) {
      Ownership.apply(file, attributes);
      return false;
    }
    Path temp = null;
    try {
      temp = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Ownership.apply(temp, attributes);
      move(temp, file);
      temp = null;
      syncDirectory(directory);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e.getCause());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the original error matters more than a leftover temporary file
        }
      }
    }
  }

  /** The file a chain of symbolic links at {@code target} ends in (the target itself if none). */
  private static Path resolveLinks(Path target) {
    Path file = target.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(file); hops++) {
      if (hops > 40) {
        throw new UncheckedIOException(new IOException("cannot write " + target
            + ": too many levels of symbolic links"));
      }
      try {
        file = file.resolveSibling(Files.readSymbolicLink(file)).normalize();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
      }
    }
    return file;
  }

  private static boolean sameContent(Path file, byte[] content) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != content.length) {
        return false;
      }
      return Arrays.equals(Files.readAllBytes(file), content);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to compare it: " + e.getMessage(), e);
    }
  }

  private static void move(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot rename " + temp + " over " + file
          + " atomically", e);
    }
  }

  /** Makes the rename durable; some file systems cannot open a directory, which is then skipped. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // the rename itself is atomic; only its durability across a power loss is at stake
    }
  }
}
