package charms.reactive.fs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The digest used to notice a change in a file ({@link WhenFileChanged}) or in data
 * ({@link DataChanges}). {@link #SHA256} is the default; {@link #MD5} is what the Python original
 * used by default, and gives the same hex digests it stored.
 *
 * <p>Stored digests are lowercase hex without a prefix, so switching the algorithm of a handler or
 * key is seen once as a change (the digests have different lengths and never compare equal).
 */
public enum HashAlgorithm {
  MD5("MD5"),
  SHA1("SHA-1"),
  SHA256("SHA-256"),
  SHA512("SHA-512");

  private final String javaName;

  HashAlgorithm(String javaName) {
    this.javaName = javaName;
  }

  /** A fresh digest; every Java runtime provides these four. Not thread-safe (a new one each call). */
  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(javaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime lacks the " + javaName + " digest", e);
    }
  }

  /** The lowercase hex digest of {@code bytes}. */
  public String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(newDigest().digest(bytes));
  }
}
