package charms.reactive.examples.packed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.testing.PackedEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packed bash-seed charm (bash handlers only, reactive-bash's ReactiveMain) as Juju runs it. */
class BashSeedPackedIT {
  static final List<String> RESTART = List.of("restart", "app");

  @TempDir
  Path work;

  @Test
  void theWholeLifecycleThroughDispatch() throws Exception {
    try (PackedLifecycle life = new PackedLifecycle("bash-seed", work, PackedEntry.DISPATCH, c -> c)) {
      life.runLifecycle("bash-seed", RESTART);
    }
  }

  @Test
  void theWholeLifecycleThroughThePackedHookFiles() throws Exception {
    try (PackedLifecycle life = new PackedLifecycle("bash-seed", work, PackedEntry.HOOK_FILES, c -> c)) {
      life.runLifecycle("bash-seed", RESTART);
    }
  }

  /**
   * The bash distribution alone, as a charm ships it in lib/reactive, with every hook a symlink
   * to lib/reactive/bin/reactive-main: the script finds its jars from its real location.
   */
  @Test
  void theDistributionWithHooksSymlinkedToReactiveMain() throws Exception {
    Path dist = Path.of("../reactive-bash/target/dist");
    assertTrue(Files.isExecutable(dist.resolve("bin/reactive-main")), "build reactive-bash first: " + dist);
    Path charm = work.resolve("charm");
    try (PackedLifecycle life = new PackedLifecycle("bash-seed", work, PackedEntry.HOOK_FILES, packed -> {
      PackedLifecycle.copy(Path.of("charms/bash-seed"), charm);
      PackedLifecycle.copy(dist, charm.resolve("lib/reactive"));
      try {
        for (String hook : PackedLifecycle.HOOKS) {
          Files.createSymbolicLink(charm.resolve("hooks").resolve(hook), Path.of("../lib/reactive/bin/reactive-main"));
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return charm;
    })) {
      life.runLifecycle("bash-seed", RESTART);
    }
  }
}
