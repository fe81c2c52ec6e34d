package charms.reactive.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flag questions asked of a set of set flags' names, for the flag table and its snapshots
 * alike: every name is validated first ({@link FlagNames#requireValid}), then looked up.
 */
final class FlagSets {
  private FlagSets() {
  }

  static boolean allSet(Set<String> present, String... names) {
    FlagNames.requireValid(names);
    for (String flag : names) {
      if (!present.contains(flag)) {
        return false;
      }
    }
    return true;
  }

  static boolean anySet(Set<String> present, String... names) {
    FlagNames.requireValid(names);
    for (String flag : names) {
      if (present.contains(flag)) {
        return true;
      }
    }
    return false;
  }

  /** The given names that are not set, sorted and without duplicates. */
  static List<String> unset(Set<String> present, String... names) {
    FlagNames.requireValid(names);
    TreeSet<String> missing = new TreeSet<>();
    for (String flag : names) {
      if (!present.contains(flag)) {
        missing.add(flag);
      }
    }
    return List.copyOf(missing);
  }
}
