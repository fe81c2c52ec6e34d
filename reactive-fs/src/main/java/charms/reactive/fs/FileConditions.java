package charms.reactive.fs;

import charms.reactive.fs.internal.WatchedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * File-change conditions for the functional API:
 *
 * <pre>{@code
 * Handler.named("restart-app")
 *     .condition(FileConditions.whenFileChanged("/etc/app/app.conf"))
 *     .invoke(ctx -> ctx.service(Services.class).restart("app"));
 * }</pre>
 *
 * <p>See {@link FileChangedCondition} for the semantics. Names may be absolute or relative to the
 * charm directory; a supplier is asked for the name each time the condition is tested and may
 * return a {@link Path} or anything whose {@code toString()} is the name. Digest:
 * {@link HashAlgorithm#SHA256} unless {@link FileChangedCondition#withHash} says otherwise.
 */
public final class FileConditions {
  private FileConditions() {
  }

  /** @throws IllegalArgumentException if a name is empty */
  public static FileChangedCondition whenFileChanged(String file, String... more) {
    List<WatchedFile> files = new ArrayList<>();
    files.add(WatchedFile.named(file));
    for (String f : more) {
      files.add(WatchedFile.named(f));
    }
    return new FileChangedCondition(files, HashAlgorithm.SHA256);
  }

  public static FileChangedCondition whenFileChanged(Path file, Path... more) {
    List<WatchedFile> files = new ArrayList<>();
    files.add(WatchedFile.named(file.toString()));
    for (Path f : more) {
      files.add(WatchedFile.named(f.toString()));
    }
    return new FileChangedCondition(files, HashAlgorithm.SHA256);
  }

  public static FileChangedCondition whenFileChanged(Supplier<?> file, Supplier<?>... more) {
    List<WatchedFile> files = new ArrayList<>();
    files.add(WatchedFile.supplied(file));
    for (Supplier<?> f : more) {
      files.add(WatchedFile.supplied(f));
    }
    return new FileChangedCondition(files, HashAlgorithm.SHA256);
  }

  /**
   * Watches named and supplied files together, compared by {@code hash}.
   *
   * @throws IllegalArgumentException if there is no file at all, or a name is empty
   */
  public static FileChangedCondition whenFileChanged(List<String> names, List<? extends Supplier<?>> suppliers,
      HashAlgorithm hash) {
    List<WatchedFile> files = new ArrayList<>();
    for (String name : names) {
      files.add(WatchedFile.named(name));
    }
    for (Supplier<?> supplier : suppliers) {
      files.add(WatchedFile.supplied(supplier));
    }
    return new FileChangedCondition(files, hash);
  }
}
