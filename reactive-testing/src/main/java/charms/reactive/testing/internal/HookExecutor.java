package charms.reactive.testing.internal;

import charms.reactive.HookRun;
import charms.reactive.testing.CharmSpec;
import charms.reactive.testing.FakeHookTools;
import charms.reactive.testing.HookEvent;
import charms.reactive.state.StateDocument;
import java.util.Map;

/** Runs one hook of the charm under test: in this JVM, or as a separate process. */
public interface HookExecutor {

  /**
   * What a hook is given.
   *
   * @param environment the environment Juju would give it
   * @param unitState the framework's committed unit state before the hook
   * @param tools the fake hook tools of this hook
   */
  record Request(CharmSpec charm, HookEvent event, Map<String, String> environment,
      StateDocument unitState, FakeHookTools tools) {
  }

  /**
   * What a hook did.
   *
   * @param unitState the framework's unit state after the hook: the committed one if the hook
   *     succeeded, else the one it started with
   * @param run the framework's report (in-process only), else null
   */
  record Execution(int exitCode, StateDocument unitState, HookRun run, String stdout,
      String stderr) {
  }

  /**
   * Runs the hook to completion.
   *
   * @throws charms.reactive.testing.HarnessException if the hook cannot be run at all
   */
  Execution execute(Request request);
}
