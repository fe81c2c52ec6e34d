package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HookEnvironment;
import charms.reactive.ReactiveException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link HookTools#actionGet(Class)}: binding {@code action-get}'s JSON to a record. The tool is a
 * one-line stub printing fixed JSON (the harness's fake Juju checks action parameters against
 * actions.yaml, so it cannot hand over a value of the wrong type).
 */
class TypedActionParamsTest {
  record Backup(String target, boolean compress, int keep, @JsonProperty("dry-run") boolean dryRun,
      List<String> paths) {
  }

  final List<List<String>> calls = new ArrayList<>();
  String answer;
  final HookTools tools = new HookTools((tool, args, stdin) -> {
    calls.add(List.of(tool, String.join(" ", args)));
    return new ToolResult(0, answer + "\n", "");
  }, HookEnvironment.of(Map.of("JUJU_DISPATCH_PATH", "actions/backup", "JUJU_ACTION_NAME", "backup",
      "JUJU_UNIT_NAME", "app/0")));

  @Test
  void paramsArriveAsTheirJsonTypes() {
    answer = "{\"compress\":true,\"dry-run\":false,\"extra\":1,\"keep\":3,\"paths\":[\"/a\",\"/b\"],\"target\":\"/srv\"}";
    assertEquals(new Backup("/srv", true, 3, false, List.of("/a", "/b")), tools.actionGet(Backup.class));
    assertEquals(List.of(List.of("action-get", "--format=json")), calls);
  }

  @Test
  void aParameterThatDoesNotFitIsNamed() {
    answer = "{\"keep\":\"many\",\"target\":\"/srv\"}";
    ReactiveException e = assertThrows(ReactiveException.class, () -> tools.actionGet(Backup.class));
    assertTrue(e.getMessage().startsWith("action backup: parameter keep does not fit Backup: "),
        e.getMessage());
  }
}
