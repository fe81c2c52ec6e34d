package charms.reactive.internal;

import charms.reactive.InvalidFlagException;

/**
 * The rule for flag names: non-empty, without whitespace or control characters, and without the
 * {@code {endpoint_name}} placeholder, which only interface handler declarations may use (they
 * expand it before the flag reaches the core).
 */
public final class FlagNames {
  public static final String ENDPOINT_PLACEHOLDER = "{endpoint_name}";

  private FlagNames() {
  }

  /** Returns {@code flag} if valid. */
  public static String requireValid(String flag) {
    if (flag == null || flag.isEmpty()) {
      throw new InvalidFlagException(flag, "a flag name must not be empty");
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
