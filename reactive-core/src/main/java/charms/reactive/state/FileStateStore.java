package charms.reactive.state;

import charms.reactive.HookLog;
import charms.reactive.spi.StateCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The unit state as one JSON file (by default {@code $CHARM_DIR/.unit-state.json}), private to
 * the unit (mode 0600).
 *
 * <p>Commit writes a temporary file in the same directory, forces it to disk, renames it over the
 * state file atomically and forces the directory, so a crash leaves the old or the new state.
 * An exclusive lock on {@code <file>.lock} is held from {@link #load} to {@link #close}; a second
 * process (or a second store in the same JVM) waits for it up to the lock timeout. Waiters wait
 * in the kernel (and, within one JVM, in a fair queue), so the lock passes on as soon as it is
 * released; a wait longer than a second is reported, naming the lock file and who held it.
 *
 * <p>A commit killed between writing its temporary file and renaming it leaves that file behind;
 * the next {@link #load} (holding the lock, so no commit of this file is under way) removes it.
 *
 * <p>One instance serves one hook on one thread; stores on the same file may be used from any
 * threads and processes.
 */
public final class FileStateStore implements StateStore {
  private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

  /** One fair queue per lock file for the stores of this JVM. */
  private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

  /** Where wait and clean-up notices go unless told otherwise: standard error, as warnings. */
  private static final Consumer<String> STDERR = HookLog.stderr()::warning;

  private final Path file;
  private final Duration lockTimeout;
  private final Consumer<String> notices;
  private FileChannel lockChannel;
  private FileLock lock;
  private Path lockKey;

  public FileStateStore(Path file) {
    this(file, Duration.ofSeconds(60));
  }

  public FileStateStore(Path file, Duration lockTimeout) {
    this(file, lockTimeout, STDERR);
  }

  /**
   * A store whose notices (a lock wait longer than a second, stale temporary files removed) go
   * to {@code notices} instead of standard error.
   */
  public FileStateStore(Path file, Duration lockTimeout, Consumer<String> notices) {
    this.file = file.toAbsolutePath();
    this.lockTimeout = lockTimeout;
    this.notices = notices;
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
    removeStaleTemporaryFiles();
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
      FileChannel created = null;
      // Not Files.createTempFile: its SecureRandom costs a fresh JVM tens of classes and
      // milliseconds in every hook that commits; the lock already rules out a concurrent commit.
      for (long n = System.nanoTime() & Long.MAX_VALUE; created == null; n++) {
        tmp = dir.resolve("." + file.getFileName() + "." + n + ".tmp");
        try {
          created = FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PRIVATE));
        } catch (FileAlreadyExistsException taken) {
          tmp = null;
        }
      }
      try (FileChannel out = created) {
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
    long started = System.nanoTime();
    long deadline = started + lockTimeout.toNanos();
    // Within this JVM, queue on a fair semaphore: never open a second channel on a lock file this
    // JVM has locked, because closing any channel on a file drops every lock the process holds
    // on it (POSIX fcntl semantics), which would silently unlock the other store.
    Semaphore inThisJvm = IN_THIS_JVM.computeIfAbsent(key, k -> new Semaphore(1, true));
    boolean claimed = false;
    String waitedFor = "another store of this process";
    try {
      if (!inThisJvm.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw timedOut(lockFile, waitedFor);
      }
      claimed = true;
      try {
        Files.createFile(lockFile, PosixFilePermissions.asFileAttribute(PRIVATE));
      } catch (FileAlreadyExistsException ignored) {
        // another hook made it earlier
      }
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
      if (lock == null) {
        waitedFor = "another process (a hook, an action or a command of this unit)";
        lock = lockInTheKernel(lockFile, deadline, waitedFor);
      }
      lockKey = key;
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      if (waited > 1000) {
        notices.accept("waited " + waited + " ms for the lock on " + lockFile + " (unit state "
            + file + "), held by " + waitedFor);
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
          inThisJvm.release();
        }
      }
    }
  }

  /**
   * Waits in the kernel ({@code fcntl(F_SETLKW)}) so the lock passes to a waiter the moment its
   * holder releases it. The time-out is kept by a timer thread that interrupts the wait, which
   * closes {@link #lockChannel} and makes {@code lock()} throw.
   */
  private FileLock lockInTheKernel(Path lockFile, long deadline, String waitedFor)
      throws IOException, InterruptedException {
    Thread waiter = Thread.currentThread();
    AtomicBoolean expired = new AtomicBoolean();
    Thread timer = new Thread(() -> {
      try {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
          TimeUnit.NANOSECONDS.sleep(left);
        }
      } catch (InterruptedException cancelled) {
        return;
      }
      expired.set(true);
      waiter.interrupt();
    }, "unit-state-lock-timeout");
    timer.setDaemon(true);
    timer.start();
    try {
      return lockChannel.lock();
    } catch (FileLockInterruptionException | ClosedByInterruptException e) {
      if (expired.get()) {
        throw timedOut(lockFile, waitedFor);
      }
      throw new InterruptedException("interrupted while waiting for the lock on " + lockFile);
    } finally {
      timer.interrupt();
      boolean interruptedMeanwhile = false;
      while (true) {
        try {
          timer.join();
          break;
        } catch (InterruptedException e) {
          interruptedMeanwhile = true;
        }
      }
      // The timer is over: an interrupt it sent is ours to clear, any other is the caller's.
      if (expired.get()) {
        Thread.interrupted();
      } else if (interruptedMeanwhile) {
        waiter.interrupt();
      }
    }
  }

  private StateFileException timedOut(Path lockFile, String holder) {
    return new StateFileException("unit state " + file + " is locked by " + holder
        + " (waited " + lockTimeout.toMillis() + " ms for " + lockFile + ")");
  }

  /**
   * Removes the temporary files a commit killed between creating and renaming its file left
   * behind ({@code .<state file name>.<digits>.tmp} next to the state file). Called with the lock
   * held, when no commit of this state file can be under way.
   */
  private void removeStaleTemporaryFiles() {
    String prefix = "." + file.getFileName() + ".";
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(file.getParent(),
        entry -> isTemporaryName(entry.getFileName().toString(), prefix))) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(entry)) {
          removed++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      notices.accept("cannot remove stale temporary files of " + file + ": " + e);
      return;
    }
    if (removed > 0) {
      notices.accept("removed " + removed + " temporary file" + (removed == 1 ? "" : "s")
          + " of " + file + " left by an interrupted commit");
    }
  }

  static boolean isTemporaryName(String name, String prefix) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")
        || name.length() <= prefix.length() + ".tmp".length()) {
      return false;
    }
    String middle = name.substring(prefix.length(), name.length() - ".tmp".length());
    return middle.chars().allMatch(c -> c >= '0' && c <= '9');
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
        IN_THIS_JVM.get(lockKey).release();
        lockKey = null;
      }
    }
  }
}
