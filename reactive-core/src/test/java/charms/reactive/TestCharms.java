package charms.reactive;

import charms.reactive.state.MemoryStateStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for core tests: an environment for a hook and a log that records lines. */
final class TestCharms {
  private TestCharms() {
  }

  static HookEnvironment hook(String name) {
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_HOOK_NAME", name);
    env.put("JUJU_UNIT_NAME", "app/0");
    env.put("CHARM_DIR", "/nonexistent-charm-dir");
    return HookEnvironment.of(env);
  }

  /** A log that keeps every line as "LEVEL: message". */
  static final class RecordingLog implements HookLog {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void log(LogLevel level, String message) {
      lines.add(level + ": " + message);
    }

    List<String> at(LogLevel level) {
      List<String> out = new ArrayList<>();
      for (String l : lines) {
        if (l.startsWith(level + ": ")) {
          out.add(l.substring(level.toString().length() + 2));
        }
      }
      return out;
    }
  }

  /** A builder wired to an in-memory store and a recording log. */
  static ReactiveCharm.Builder charm(MemoryStateStore store, RecordingLog log) {
    return ReactiveCharm.builder().stateStore(env -> store).log(env -> log);
  }
}
