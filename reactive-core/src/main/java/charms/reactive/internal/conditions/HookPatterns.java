package charms.reactive.internal.conditions;

import charms.reactive.CharmMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands {@code @hook} patterns as the original does, without its backtracking regular
 * expressions: every {@code {role:interface}} group becomes each relation name of that role and
 * interface in {@code metadata.yaml} (none: the pattern expands to nothing), and every
 * {@code {A,B}} group becomes each alternative, giving the full Cartesian product.
 */
public final class HookPatterns {
  private HookPatterns() {
  }

  /**
   * Checks that every brace in {@code pattern} opens or closes a group, and that groups do not
   * nest.
   *
   * @throws IllegalArgumentException naming the pattern
   */
  public static void validate(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      throw new IllegalArgumentException("a hook pattern must not be empty");
    }
    boolean open = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '{') {
        if (open) {
          throw new IllegalArgumentException("hook pattern '" + pattern + "' nests braces at index " + i);
        }
        open = true;
      } else if (c == '}') {
        if (!open) {
          throw new IllegalArgumentException("hook pattern '" + pattern + "' has an unopened '}' at index " + i);
        }
        open = false;
      }
    }
    if (open) {
      throw new IllegalArgumentException("hook pattern '" + pattern + "' has an unclosed '{'");
    }
  }

  /** True if expanding needs {@code metadata.yaml}. */
  public static boolean needsMetadata(String pattern) {
    int open = pattern.indexOf('{');
    while (open >= 0) {
      int close = pattern.indexOf('}', open);
      if (pattern.substring(open, close).indexOf(':') >= 0) {
        return true;
      }
      open = pattern.indexOf('{', close);
    }
    return false;
  }

  /** Every hook name the pattern stands for, in expansion order, without duplicates. */
  public static Set<String> expand(String pattern, CharmMetadata metadata) {
    Set<String> out = new LinkedHashSet<>();
    expandInto(pattern, metadata, out);
    return out;
  }

  private static void expandInto(String pattern, CharmMetadata metadata, Set<String> out) {
    int open = pattern.indexOf('{');
    if (open < 0) {
      out.add(pattern);
      return;
    }
    int close = pattern.indexOf('}', open);
    String group = pattern.substring(open + 1, close);
    String head = pattern.substring(0, open);
    String tail = pattern.substring(close + 1);
    List<String> choices;
    int colon = group.indexOf(':');
    if (colon >= 0) {
      choices = metadata.relationNames(group.substring(0, colon), group.substring(colon + 1));
    } else {
      choices = new ArrayList<>(List.of(group.split(",", -1)));
    }
    for (String choice : choices) {
      expandInto(head + choice + tail, metadata, out);
    }
  }
}
