package charms.reactive.bash.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One bash handler function as {@code charms.reactive.sh} describes it to {@code test}: its name,
 * its stable id ({@code <file relative to the charm>:<function>}) and its decorators' tests.
 *
 * <p>Two encodings are read: ours, fields separated by U+001F and test arguments by U+001E (no
 * flag or file name can hold a control character, so nothing needs quoting); and the original's
 * shell-quoted {@code NAME ID TEST 'ARGS' ...}, for people who call {@code test} by hand.
 */
public record FunctionSpec(String name, String id, List<Test> tests) {
  static final char FIELD = '\u001f';
  static final char ARG = '\u001e';

  /** One decorator: its kind ({@code when}, {@code hook}, ...) and arguments. */
  public record Test(String kind, List<String> args) {
    public Test {
      args = List.copyOf(args);
    }
  }

  public FunctionSpec {
    tests = List.copyOf(tests);
  }

  /**
   * Parses one spec.
   *
   * @throws IllegalArgumentException naming the spec if it has no name and id
   */
  public static FunctionSpec parse(String spec) {
    if (spec.indexOf(FIELD) >= 0) {
      String[] fields = spec.split(String.valueOf(FIELD), -1);
      if (fields.length < 2) {
        throw new IllegalArgumentException("handler spec without a name and id: " + spec);
      }
      List<Test> tests = new ArrayList<>();
      for (int i = 2; i < fields.length; i++) {
        String[] parts = fields[i].split(String.valueOf(ARG), -1);
        tests.add(new Test(parts[0], List.of(parts).subList(1, parts.length)));
      }
      return new FunctionSpec(fields[0], fields[1], tests);
    }
    List<String> words = ShellWords.split(spec);
    if (words.size() < 2 || words.size() % 2 != 0) {
      throw new IllegalArgumentException("handler spec must be NAME ID followed by TEST ARGS pairs: " + spec);
    }
    List<Test> tests = new ArrayList<>();
    for (int i = 2; i < words.size(); i += 2) {
      tests.add(new Test(words.get(i), ShellWords.split(words.get(i + 1))));
    }
    return new FunctionSpec(words.get(0), words.get(1), tests);
  }
}
