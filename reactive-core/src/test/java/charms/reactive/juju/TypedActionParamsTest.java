package charms.reactive.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HookEnvironment;
import charms.reactive.ReactiveException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedActionParamsTest {
  record Backup(String target, boolean compress, int keep, @JsonProperty("dry-run") boolean dryRun,
      List<String> paths) {
  }

  final ScriptedTools fake = new ScriptedTools();
  final HookTools tools = new HookTools(fake, HookEnvironment.of(Map.of("JUJU_DISPATCH_PATH",
      "actions/backup", "JUJU_ACTION_NAME", "backup", "JUJU_UNIT_NAME", "app/0")));

  void answer(String json) {
    fake.overrides.put("action-get", args -> ScriptedTools.ok(json));
  }

  @Test
  void paramsArriveAsTheirJsonTypes() {
    answer("{\"compress\":true,\"dry-run\":false,\"extra\":1,\"keep\":3,\"paths\":[\"/a\",\"/b\"],\"target\":\"/srv\"}");
    assertEquals(new Backup("/srv", true, 3, false, List.of("/a", "/b")), tools.actionGet(Backup.class));
    assertEquals(List.of("--format=json"), fake.calls.get(0).args());
  }

  @Test
  void aParameterThatDoesNotFitIsNamed() {
    answer("{\"keep\":\"many\",\"target\":\"/srv\"}");
    ReactiveException e = assertThrows(ReactiveException.class, () -> tools.actionGet(Backup.class));
    assertTrue(e.getMessage().startsWith("action backup: parameter keep does not fit Backup: "),
        e.getMessage());
  }
}
