package charms.reactive.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an action produced: its results ({@code action-set}, nested by the dotted keys), whether
 * it failed and why, and its progress messages ({@code action-log}). Results are kept even when
 * the action fails, as in Juju.
 *
 * @param name the action's name
 * @param params the parameters it ran with, defaults included
 * @param results the results: string values in nested maps
 * @param failureMessage the failure message ({@code action-fail}, or {@code exit status <n>}
 *     when the process failed), empty if the action succeeded
 * @param logs the {@code action-log} messages, in order
 */
public record ActionOutcome(String name, Map<String, Object> params, Map<String, Object> results,
    Optional<String> failureMessage, List<String> logs) {

  public ActionOutcome {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    logs = List.copyOf(logs);
  }

  public boolean failed() {
    return failureMessage.isPresent();
  }

  /** A result by its dotted key ({@code outfile.size}), if set. */
  public Optional<Object> result(String dottedKey) {
    Object node = results;
    for (String part : dottedKey.split("\\.")) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return Optional.empty();
      }
      node = map.get(part);
    }
    return Optional.of(node);
  }
}
