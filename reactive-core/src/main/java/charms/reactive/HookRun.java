package charms.reactive;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The outcome of one hook: the exit code for the process, the error if it failed, the dispatch
 * trace, and the flags as they stood at the end (committed only if {@link #committed()}).
 *
 * @param hook the hook's name
 * @param exitCode 0 on success, 1 after a failure
 * @param error what failed the hook, if anything
 * @param trace the dispatch trace, possibly partial after a failure; null if the failure happened
 *     before the dispatch started
 * @param flags the flags at the end of the hook, with their values
 * @param committed whether the unit state was committed
 */
public record HookRun(String hook, int exitCode, Optional<Throwable> error, DispatchTrace trace,
    SortedMap<String, JsonNode> flags, boolean committed) {

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** Every handler started in this hook, in order. */
  public List<String> handlersRun() {
    return trace == null ? List.of() : trace.handlersRun();
  }
}
