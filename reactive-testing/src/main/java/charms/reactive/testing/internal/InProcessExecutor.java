package charms.reactive.testing.internal;

import charms.reactive.HookEnvironment;
import charms.reactive.spi.HookOverrides;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.juju.ToolRunner;
import charms.reactive.state.MemoryStateStore;
import java.util.Map;

/**
 * Runs a hook in this JVM, on the calling thread: {@code charm.execute(env, overrides)} with an
 * in-memory state store loaded with the unit state and the hook's fake tools as the
 * {@link ToolRunner} service, so the charm's hook-tool client talks to the fake directly.
 */
public final class InProcessExecutor implements HookExecutor {
  private final ReactiveCharm charm;

  public InProcessExecutor(ReactiveCharm charm) {
    this.charm = charm;
  }

  @Override
  public Execution execute(Request request) {
    MemoryStateStore store = new MemoryStateStore();
    store.commit(request.unitState());
    HookRun run = charm.execute(HookEnvironment.of(request.environment()),
        new HookOverrides(store, Map.of(ToolRunner.class, request.tools())));
    return new Execution(run.exitCode(), run.succeeded() ? store.committed() : request.unitState(),
        run, "", "");
  }
}
