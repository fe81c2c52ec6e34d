package charms.reactive.spi;

/**
 * Quotes untrusted text (flag names, keys, hook tool output) for an error message so that the
 * message itself stays one loggable line: control characters (NUL, newlines, escape sequences)
 * and whitespace other than the space become backslash-u escapes, and text beyond a limit is cut
 * with its full length stated.
 */
public final class Quoting {
  private Quoting() {
  }

  /** {@code 'text'}, escaped, at most {@code limit} characters of it, or {@code null}. */
  public static String quote(String text, int limit) {
    if (text == null) {
      return "null";
    }
    return "'" + sanitise(text, limit) + "'";
  }

  /** The text escaped as {@link #quote} does, without the quotes. */
  public static String sanitise(String text, int limit) {
    StringBuilder out = new StringBuilder();
    int shown = Math.min(text.length(), limit);
    if (shown < text.length() && Character.isHighSurrogate(text.charAt(shown - 1))) {
      shown--;
    }
    text.substring(0, shown).codePoints().forEach(c -> {
      if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ') {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    if (shown < text.length()) {
      out.append("... (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }
}
