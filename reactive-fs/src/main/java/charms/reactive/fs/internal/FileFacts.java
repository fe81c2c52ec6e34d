package charms.reactive.fs.internal;

import charms.reactive.HookContext;
import charms.reactive.HookFacts;
import charms.reactive.KeyValueStore;
import charms.reactive.fs.HashAlgorithm;
import charms.reactive.spi.FrameworkRecords;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hook-scoped facts {@code file:<path>} and the {@code file:<path>} input of stable handlers.
 *
 * <p>A fact {@code file:<path>} holds when the file's SHA-256 digest, taken the first time a
 * condition asks about it in this hook, differs from the digest the last committed hook that asked
 * about it took (appearing and disappearing are changes; a file never seen and missing is not).
 * The answer is kept for the rest of the hook, and the digests taken are recorded at the end of
 * the hook, in its transaction (records of owner {@value #OWNER}, through
 * {@link FileHashRecords}), so a file rewritten during a hook is a change in the next one. For a
 * reaction in the same hook, per handler, use {@code @WhenFileChanged}.
 */
public final class FileFacts {
  /** The record owner; one record, {@value #KEY}, of path to digest. */
  public static final String OWNER = "fs.facts";
  static final String KEY = "files";
  static final String PREFIX = "file:";

  private FileFacts() {
  }

  /** Start callback: answers {@code file:} facts for this hook and records what it saw at exit. */
  public static void register(HookContext context) {
    Path charmDir = context.environment().charmDir();
    KeyValueStore records = FrameworkRecords.of(context, OWNER);
    Map<Path, Optional<String>> seen = new LinkedHashMap<>();
    context.service(HookFacts.class).derive(PREFIX, fact -> {
      String name = fact.substring(PREFIX.length());
      if (name.isEmpty()) {
        return false;
      }
      Path path = WatchedFile.named(name).resolve(charmDir);
      Optional<String> now = FileHasher.hash(path, HashAlgorithm.SHA256);
      seen.put(path, now);
      return !now.equals(FileHashRecords.stored(records, KEY, path));
    });
    context.atExit(c -> {
      if (!seen.isEmpty()) {
        FileHashRecords.store(FrameworkRecords.of(c, OWNER), KEY, seen);
      }
    });
  }

  /** The {@code file:<path>} stable input: the file's SHA-256 digest, or null if it is missing. */
  public static Object digest(HookContext context, String name) {
    Path path = WatchedFile.named(name).resolve(context.environment().charmDir());
    return FileHasher.hash(path, HashAlgorithm.SHA256).orElse(null);
  }
}
