package charms.reactive.testing;

import charms.reactive.testing.internal.HookExecutor;
import charms.reactive.testing.internal.ProcessExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Which file of a packed charm Juju runs as the hook process ({@link Harness.Builder#packed}).
 */
public enum PackedEntry {
  /** The charm's {@code dispatch}, with {@code JUJU_DISPATCH_PATH} naming the hook (Juju 2.8+). */
  DISPATCH,
  /**
   * The charm's {@code hooks/<hook>} or {@code actions/<action>} file, as Juju before
   * {@code dispatch} ran it: {@code JUJU_DISPATCH_PATH} and {@code JUJU_HOOK_NAME} are left out
   * of the environment, so the charm must tell the hook by the name it was called by. The file
   * may be a symlink (to {@code dispatch}, say).
   */
  HOOK_FILES;

  HookExecutor executor(Path charmDir, Duration timeout) {
    Path root = charmDir.toAbsolutePath().normalize();
    if (this == DISPATCH) {
      Path dispatch = root.resolve("dispatch");
      return new ProcessExecutor(dispatch.toString(), request -> List.of(executable(dispatch)),
          Set.of(), timeout);
    }
    return new ProcessExecutor(root + "/hooks/*", request -> {
      HookEvent event = request.event();
      Path file = root.resolve(event.isAction() ? "actions" : "hooks").resolve(event.hookName());
      return List.of(executable(file));
    }, Set.of("JUJU_DISPATCH_PATH", "JUJU_HOOK_NAME"), timeout);
  }

  private static String executable(Path file) {
    if (!Files.isExecutable(file)) {
      throw new HarnessException(file + " is not an executable file: is this a packed charm "
          + "(the charm:pack goal's target/charm)?");
    }
    return file.toString();
  }
}
