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
import java.util.concurrent.ConcurrentHashMap;

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

  /** The lock files that stores in this JVM hold or are about to take. */
  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final Duration lockTimeout;
  private FileChannel lockChannel;
  private FileLock lock;
  private Path lockKey;

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
    Path key = lockKey(lockFile);
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    long pause = 5;
    boolean claimed = false;
    try {
      // Within this JVM, wait on the claim set: never open a second channel on a lock file this
      // JVM has locked, because closing any channel on a file drops every lock the process holds
      // on it (POSIX fcntl semantics), which would silently unlock the other store.
      while (!HELD_IN_THIS_JVM.add(key)) {
        pause = waitOrGiveUp(deadline, pause, lockFile);
      }
      claimed = true;
      try {
        Files.createFile(lockFile, PosixFilePermissions.asFileAttribute(PRIVATE));
      } catch (FileAlreadyExistsException ignored) {
        // another hook made it earlier
      }
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
      while (true) {
        try {
          lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
          lock = null;
        }
        if (lock != null) {
          lockKey = key;
          return;
        }
        pause = waitOrGiveUp(deadline, pause, lockFile);
      }
    } catch (IOException e) {
      throw new StateFileException("cannot lock unit state " + lockFile + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateFileException("interrupted while waiting for the lock on " + lockFile, e);
    } finally {
      if (lock == null) {
        if (lockChannel != null) {
          try {
            lockChannel.close();
          } catch (IOException ignored) {
            // the failure being reported matters more
          }
          lockChannel = null;
        }
        if (claimed) {
          HELD_IN_THIS_JVM.remove(key);
        }
      }
    }
  }

  private long waitOrGiveUp(long deadline, long pause, Path lockFile) throws InterruptedException {
    if (System.nanoTime() >= deadline) {
      throw new StateFileException("unit state " + file + " is locked by another process "
          + "(waited " + lockTimeout.toMillis() + " ms for " + lockFile + ")");
    }
    Thread.sleep(pause);
    return Math.min(pause * 2, 100);
  }

  /** The lock file's identity within this JVM: its real directory, so links name one lock. */
  private static Path lockKey(Path lockFile) {
    try {
      return lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
    } catch (IOException e) {
      return lockFile.toAbsolutePath().normalize();
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
      if (lockKey != null) {
        HELD_IN_THIS_JVM.remove(lockKey);
        lockKey = null;
      }
    }
  }
}
