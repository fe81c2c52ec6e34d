package charms.reactive.relations;

import charms.reactive.HookEnvironment;
import charms.reactive.spi.HookOverrides;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.juju.ToolRunner;
import charms.reactive.state.MemoryStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** One unit for tests: a charm directory with metadata.yaml, its state store and fake tools. */
final class TestUnit {
  final Path charmDir;
  final FakeJuju juju;
  final MemoryStateStore store = new MemoryStateStore();
  ReactiveCharm charm;

  TestUnit(Path charmDir, String unitName, String metadata) {
    this.charmDir = charmDir;
    this.juju = new FakeJuju(unitName);
    try {
      Files.writeString(charmDir.resolve("metadata.yaml"), metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TestUnit charm(ReactiveCharm c) {
    this.charm = c;
    return this;
  }

  /** Runs a non-relation hook. */
  HookRun hook(String name) {
    return run(name, Map.of());
  }

  /** Runs a relation hook of {@code ref} ({@code db:1}) for a remote unit (may be null). */
  HookRun relationHook(String ref, String event, String remoteUnit) {
    String endpoint = ref.substring(0, ref.indexOf(':'));
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_RELATION", endpoint);
    env.put("JUJU_RELATION_ID", ref);
    FakeJuju.Rel rel = juju.rel(ref);
    env.put("JUJU_REMOTE_APP", rel == null || rel.remoteApp == null ? "" : rel.remoteApp);
    env.put("JUJU_REMOTE_UNIT", remoteUnit == null ? "" : remoteUnit);
    if (event.equals("departed")) {
      env.put("JUJU_DEPARTING_UNIT", remoteUnit);
    }
    return run(endpoint + "-relation-" + event, env);
  }

  HookRun run(String hook, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_HOOK_NAME", hook);
    env.put("JUJU_UNIT_NAME", juju.unitName);
    env.put("JUJU_CONTEXT_ID", "ctx");
    env.put("CHARM_DIR", charmDir.toString());
    env.putAll(extra);
    return charm.execute(HookEnvironment.of(env),
        new HookOverrides(store, Map.of(ToolRunner.class, juju)));
  }
}
