package charms.reactive.fs;

import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.HookRun;
import charms.reactive.LogLevel;
import charms.reactive.ReactiveCharm;
import charms.reactive.state.MemoryStateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Test helpers: a hook environment for a charm directory, a recording log, a charm on a store. */
final class FsCharms {
  private FsCharms() {
  }

  static HookEnvironment hook(String name, Path charmDir) {
    return HookEnvironment.of(Map.of("JUJU_HOOK_NAME", name, "JUJU_UNIT_NAME", "app/0",
        "CHARM_DIR", charmDir.toString()));
  }

  /** A builder on one unit's in-memory store, logging to {@code log}. */
  static ReactiveCharm.Builder charm(MemoryStateStore store, RecordingLog log) {
    return ReactiveCharm.builder().stateStore(s -> store).log(s -> log);
  }

  /** Fails the test with the hook's error if it did not succeed. */
  static HookRun succeeded(HookRun run) {
    if (!run.succeeded()) {
      throw new AssertionError("hook " + run.hook() + " failed", run.error().orElse(null));
    }
    return run;
  }

  static final class RecordingLog implements HookLog {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void log(LogLevel level, String message) {
      lines.add(level + ": " + message);
    }
  }
}
