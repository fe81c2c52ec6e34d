package charms.reactive.testing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The flags that handler conditions read but that were never set in any hook a {@link Harness}
 * ran: usually a typo ({@code @When("cache.installd")}) or a flag nothing in the charm sets, so
 * the handlers reading it never run (or, for {@code @WhenNot}, always run).
 *
 * <p>"Set" means: set in a state given to the harness, when a hook's dispatch started (the
 * automatic flags included), or after a hook. A flag a handler sets and another clears within the
 * same hook is not seen, so it may be listed too; the list is a warning, not a verdict.
 *
 * @param readBy each such flag, sorted, with the ids of the handlers whose conditions read it
 * @param hooks how many hooks the harness ran
 */
public record NeverSetFlags(Map<String, List<String>> readBy, int hooks) {
  public NeverSetFlags {
    Map<String, List<String>> copy = new TreeMap<>();
    readBy.forEach((flag, ids) -> copy.put(flag, List.copyOf(ids)));
    readBy = Collections.unmodifiableMap(copy);
  }

  public boolean isEmpty() {
    return readBy.isEmpty();
  }

  /** One line per flag: the warning the harness prints when it is closed. */
  public String warning() {
    return "WARNING charms.reactive harness: after " + hooks + " hook" + (hooks == 1 ? "" : "s")
        + ", flags read by conditions but never set (a typo, or nothing in the charm sets them):\n"
        + readBy.entrySet().stream().map(e -> "  " + e.getKey() + " (read by "
            + String.join(", ", e.getValue()) + ")").collect(Collectors.joining("\n"));
  }
}
