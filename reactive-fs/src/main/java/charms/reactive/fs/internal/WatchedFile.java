package charms.reactive.fs.internal;

import charms.reactive.HookView;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One file a file-change condition watches: a fixed name, or a supplier asked each time the
 * condition is tested. A relative name is resolved against the charm directory (the working
 * directory of a Python hook, where the original resolved it). Immutable.
 */
public final class WatchedFile {
  private final String name;
  private final Supplier<?> supplier;

  private WatchedFile(String name, Supplier<?> supplier) {
    this.name = name;
    this.supplier = supplier;
  }

  /** @throws IllegalArgumentException if the name is empty */
  public static WatchedFile named(String name) {
    Objects.requireNonNull(name, "file name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a watched file name must not be empty");
    }
    return new WatchedFile(name, null);
  }

  public static WatchedFile supplied(Supplier<?> supplier) {
    return new WatchedFile(null, Objects.requireNonNull(supplier, "file supplier"));
  }

  /**
   * The absolute, normalised path this file stands for now. A supplier's result is taken as a
   * {@link Path} if it is one and converted with {@code toString()} otherwise, like the original's
   * {@code str()}.
   *
   * @throws IllegalStateException if the supplier returned null or an empty name
   */
  public Path resolve(HookView context) {
    return resolve(context.environment().charmDir());
  }

  /** {@link #resolve(HookView)} against a charm directory. */
  public Path resolve(Path charmDir) {
    Object value = name != null ? name : supplier.get();
    if (value == null) {
      throw new IllegalStateException("the file supplier " + supplier + " returned null");
    }
    Path path = value instanceof Path p ? p : Path.of(value.toString());
    if (path.toString().isEmpty()) {
      throw new IllegalStateException("the file supplier " + supplier + " returned an empty name");
    }
    if (!path.isAbsolute()) {
      path = charmDir.resolve(path);
    }
    return path.toAbsolutePath().normalize();
  }

  /** The name as declared, or {@code <supplied>} for a supplier (never calls it). */
  public String describe() {
    return name != null ? name : "<supplied>";
  }
}
