package charms.reactive.internal;

import charms.reactive.InvalidFlagException;

/**
 * The rule for flag names: non-empty, at most {@link #MAX_LENGTH} characters, without whitespace
 * or control characters, and without the
 * {@code {endpoint_name}} placeholder, which only interface handler declarations may use (they
 * expand it before the flag reaches the core).
 */
public final class FlagNames {
  public static final String ENDPOINT_PLACEHOLDER = "{endpoint_name}";

  /** The longest flag name accepted, in UTF-16 characters. */
  public static final int MAX_LENGTH = 1024;

  private FlagNames() {
  }

  /** Returns {@code flag} if valid. */
  public static String requireValid(String flag) {
    if (flag == null || flag.isEmpty()) {
      throw new InvalidFlagException(flag, "a flag name must not be empty");
    }
    if (flag.length() > MAX_LENGTH) {
      throw new InvalidFlagException(flag, "a flag name is limited to " + MAX_LENGTH
          + " characters; this one has " + flag.length());
    }
    for (int i = 0; i < flag.length(); i++) {
      char c = flag.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new InvalidFlagException(flag, "whitespace or control character at index " + i);
      }
    }
    if (flag.contains(ENDPOINT_PLACEHOLDER)) {
      throw new InvalidFlagException(flag, ENDPOINT_PLACEHOLDER
          + " is a placeholder for interface handler declarations only");
    }
    return flag;
  }

  public static String[] requireValid(String[] flags) {
    for (String flag : flags) {
      requireValid(flag);
    }
    return flags;
  }
}
