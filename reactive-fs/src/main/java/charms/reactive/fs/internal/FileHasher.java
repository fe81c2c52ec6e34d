package charms.reactive.fs.internal;

import charms.reactive.fs.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/** Digests a file's content. Stateless and thread-safe. */
public final class FileHasher {
  private FileHasher() {
  }

  /**
   * The lowercase hex digest of the file's bytes (following symbolic links), or empty if there is
   * no file at {@code path} (also a dangling link, or a missing parent directory).
   *
   * @throws UncheckedIOException naming the file if it exists but cannot be read (a directory,
   *     no permission)
   */
  public static Optional<String> hash(Path path, HashAlgorithm algorithm) {
    MessageDigest digest = algorithm.newDigest();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(path)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read watched file " + path + ": " + describe(e), e);
    }
    return Optional.of(HexFormat.of().formatHex(digest.digest()));
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }
}
