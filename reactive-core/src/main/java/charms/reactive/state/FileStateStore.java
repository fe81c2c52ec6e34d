package charms.reactive.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

/**
 * The unit state as one JSON file (by default {@code $CHARM_DIR/.unit-state.json}), private to
 * the unit (mode 0600).
 *
 * <p>Commit writes a temporary file in the same directory, forces it to disk, renames it over the
 * state file atomically and forces the directory, so a crash leaves the old or the new state.
 * An exclusive lock on {@code <file>.lock} is held from {@link #load} to {@link #close}; a second
 * process (or a second store in the same JVM) waits for it up to the lock timeout.
 */
public final class FileStateStore implements StateStore {
  private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final Duration lockTimeout;
  private FileChannel lockChannel;
  private FileLock lock;

  public FileStateStore(Path file) {
    this(file, Duration.ofSeconds(60));
  }

  public FileStateStore(Path file, Duration lockTimeout) {
    this.file = file.toAbsolutePath();
    this.lockTimeout = lockTimeout;
  }

  public Path file() {
    return file;
  }

  @Override
  public String describe() {
    return file.toString();
  }

  @Override
  public StateDocument load() {
    acquireLock();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return StateDocument.empty();
    } catch (IOException e) {
      throw new StateFileException("cannot read unit state " + file + ": " + e, e);
    }
    return StateCodec.decode(bytes, file.toString());
  }

  @Override
  public void commit(StateDocument document) {
    if (lock == null) {
      throw new IllegalStateException("commit without load on " + file);
    }
    byte[] bytes = StateCodec.encode(document);
    Path dir = file.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
          PosixFilePermissions.asFileAttribute(PRIVATE));
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      }
    } catch (IOException e) {
      throw new StateFileException("cannot commit unit state " + file + ": " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the failure being reported matters more than the stray temporary file
        }
      }
    }
  }

  private void acquireLock() {
    if (lock != null) {
      return;
    }
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    try {
      try {
        Files.createFile(lockFile, PosixFilePermissions.asFileAttribute(PRIVATE));
      } catch (FileAlreadyExistsException ignored) {
        // another hook made it earlier
      }
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
      long deadline = System.nanoTime() + lockTimeout.toNanos();
      long pause = 5;
      while (true) {
        try {
          lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
          lock = null;
        }
        if (lock != null) {
          return;
        }
        if (System.nanoTime() >= deadline) {
          lockChannel.close();
          lockChannel = null;
          throw new StateFileException("unit state " + file + " is locked by another process "
              + "(waited " + lockTimeout.toMillis() + " ms for " + lockFile + ")");
        }
        Thread.sleep(pause);
        pause = Math.min(pause * 2, 100);
      }
    } catch (IOException e) {
      throw new StateFileException("cannot lock unit state " + lockFile + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateFileException("interrupted while waiting for the lock on " + lockFile, e);
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      throw new StateFileException("cannot release the lock of " + file + ": " + e, e);
    } finally {
      lock = null;
      lockChannel = null;
    }
  }
}
