package charms.reactive.bash.internal;

import java.util.ArrayList;
import java.util.List;

/** POSIX shell word splitting as Python's {@code shlex.split} does it: quotes and backslashes. */
final class ShellWords {
  private ShellWords() {
  }

  /**
   * Splits {@code text} into words.
   *
   * @throws IllegalArgumentException naming the text if a quote is not closed
   */
  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("no closing quotation in: " + text);
        }
        word.append(text, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        i++;
        for (; i < text.length() && text.charAt(i) != '"'; i++) {
          char d = text.charAt(i);
          if (d == '\\' && i + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
            d = text.charAt(++i);
          }
          word.append(d);
        }
        if (i >= text.length()) {
          throw new IllegalArgumentException("no closing quotation in: " + text);
        }
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
