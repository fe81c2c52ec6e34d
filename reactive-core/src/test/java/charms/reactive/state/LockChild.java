package charms.reactive.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second process for the lock tests, started by {@link FileStateStoreTest}.
 *
 * <ul>
 *   <li>{@code hold <file>}: opens a {@link FileStateStore} on the file, loads it (taking the
 *       lock), prints {@code locked}, waits until its standard input is closed, then closes the
 *       store and prints {@code released};
 *   <li>{@code try <file> <millis>}: tries to load with that lock timeout and prints
 *       {@code acquired} or {@code busy: <message>}.
 * </ul>
 */
public final class LockChild {
  private LockChild() {
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[1]);
    switch (args[0]) {
      case "hold" -> {
        FileStateStore store = new FileStateStore(file);
        store.load();
        System.out.println("locked");
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
          // wait for the parent to close our stdin
        }
        store.close();
        System.out.println("released");
        System.out.flush();
      }
      case "try" -> {
        FileStateStore store = new FileStateStore(file, Duration.ofMillis(Long.parseLong(args[2])));
        try {
          store.load();
          System.out.println("acquired");
        } catch (StateFileException e) {
          System.out.println("busy: " + e.getMessage());
        } finally {
          store.close();
        }
        System.out.flush();
      }
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }
}
