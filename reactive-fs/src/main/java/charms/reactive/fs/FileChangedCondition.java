package charms.reactive.fs;

import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.HandlerContext;
import charms.reactive.KeyValueView;
import charms.reactive.Verdict;
import charms.reactive.fs.internal.FileHashRecords;
import charms.reactive.fs.internal.FileHasher;
import charms.reactive.fs.internal.WatchedFile;
import charms.reactive.spi.FrameworkRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds while any watched file differs from what <em>this handler</em> last completed with
 * ({@code @when_file_changed}, but per handler and consumed on success, where the original kept
 * one hash per file and updated it whenever the condition was tested; docs/design.md, "file
 * changes per handler").
 *
 * <ul>
 *   <li>Per handler: each handler keeps its own digest per file, so two handlers watching one
 *       file both fire once per change.
 *   <li>Consumed on success: testing only reads. When the handler completes without error, the
 *       digests of all its files as they are <em>then</em> are stored, inside the hook's
 *       transaction (committed with the hook, discarded if it fails). A handler that throws fires
 *       again; a handler that rewrites its own watched file does not fire again for its own
 *       write.
 *   <li>Appearing and disappearing are changes. A file that does not exist and never existed (or
 *       was never seen) is <em>unchanged</em>, as in the original: on the first hook a handler
 *       fires for each watched file that exists, not for one that is missing.
 *   <li>Content only: touching a file, or changing its mode or owner, is no change.
 * </ul>
 *
 * <p>The condition reads more than flags ({@link #dependsOnlyOnWatchedFlags()} is false), watches
 * no flags and names no phase: its handler runs in the {@code other} phase and is considered in
 * every iteration, so a file rendered by one handler fires its watcher in the next iteration of the
 * same hook. Combined with flag conditions, the dispatcher's flag-watch rule applies: after
 * iteration 0 the handler is considered only when one of its flags changed, so such a handler
 * sees a file changed mid-hook in the next hook.
 *
 * <p>Every test digests every watched file (up to the first changed one) again: keep watched files
 * small. Immutable and thread-safe; the supplier of a supplied name is called on the hook's thread.
 */
public final class FileChangedCondition implements Condition {
  private final List<WatchedFile> files;
  private final HashAlgorithm algorithm;

  FileChangedCondition(List<WatchedFile> files, HashAlgorithm algorithm) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("when_file_changed needs at least one file");
    }
    this.files = List.copyOf(files);
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
  }

  /** The same files, compared by another digest. */
  public FileChangedCondition withHash(HashAlgorithm hash) {
    return new FileChangedCondition(files, hash);
  }

  public HashAlgorithm hash() {
    return algorithm;
  }

  @Override
  public Verdict test(ConditionContext context) {
    KeyValueView records = FrameworkRecords.of(context, FileHashRecords.OWNER);
    for (WatchedFile file : files) {
      Path path = file.resolve(context);
      Optional<String> now = FileHasher.hash(path, algorithm);
      Optional<String> before = FileHashRecords.stored(records, context.handlerId(), path);
      if (!now.equals(before)) {
        String what = now.isEmpty() ? "file disappeared: "
            : before.isEmpty() ? "file appeared: " : "file changed: ";
        return Verdict.met(what, path);
      }
    }
    return Verdict.unmet("no watched file changed: ", describeFiles());
  }

  @Override
  public boolean dependsOnlyOnWatchedFlags() {
    return false;
  }

  @Override
  public void onHandlerSuccess(HandlerContext context) {
    Map<Path, Optional<String>> digests = new LinkedHashMap<>();
    for (WatchedFile file : files) {
      Path path = file.resolve(context);
      digests.put(path, FileHasher.hash(path, algorithm));
    }
    FileHashRecords.store(FrameworkRecords.of(context, FileHashRecords.OWNER), context.handlerId(), digests);
  }

  @Override
  public String describe() {
    return "when_file_changed(" + describeFiles() + ")";
  }

  private String describeFiles() {
    List<String> names = new ArrayList<>(files.size());
    for (WatchedFile f : files) {
      names.add(f.describe());
    }
    return String.join(", ", names);
  }

  @Override
  public String toString() {
    return describe();
  }
}
