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
   * The published bash distribution (reactive-bash's dist tar.gz) unpacked into a charm's lib/,
   * with every hook a symlink to lib/reactive/bin/reactive-main: the script finds its jars from
   * its real location, and the hook's name from the name it was called by.
   */
  @Test
  void theDistributionTarballWithHooksSymlinkedToReactiveMain() throws Exception {
    Path tarball;
    try (java.util.stream.Stream<Path> files = Files.list(Path.of("../reactive-bash/target"))) {
      tarball = files.filter(f -> f.getFileName().toString().endsWith("-dist.tar.gz")).findFirst()
          .orElseThrow(() -> new AssertionError("build reactive-bash's dist tar.gz first (mvn verify does)"));
    }
    Path charm = work.resolve("charm");
    try (PackedLifecycle life = new PackedLifecycle("bash-seed", work, PackedEntry.HOOK_FILES, packed -> {
      PackedLifecycle.copy(Path.of("charms/bash-seed"), charm);
      try {
        Files.createDirectories(charm.resolve("lib"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C",
            charm.resolve("lib").toString()).inheritIO().start();
        assertTrue(tar.waitFor() == 0, "tar -xzf " + tarball);
        for (String hook : PackedLifecycle.HOOKS) {
          Files.createSymbolicLink(charm.resolve("hooks").resolve(hook), Path.of("../lib/reactive/bin/reactive-main"));
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return charm;
    })) {
      life.runLifecycle("bash-seed", RESTART);
    }
  }
}
