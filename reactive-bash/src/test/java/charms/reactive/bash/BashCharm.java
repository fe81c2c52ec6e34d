package charms.reactive.bash;

import charms.reactive.HookEnvironment;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.state.MemoryStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A throwaway charm directory with bash handler files, run hook by hook in this JVM. */
final class BashCharm {
  final Path dir;
  final MemoryStateStore store = new MemoryStateStore();
  final List<String> log = new java.util.ArrayList<>();
  ReactiveCharm charm;

  BashCharm(Path dir) {
    this.dir = dir;
    this.charm = ReactiveCharm.builder().stateStore(s -> store).log(s -> (level, message) -> log.add(level + ": " + message))
        .use(ExternalHandlers.discover()).build();
  }

  /** Writes an executable handler file under the charm directory. */
  Path handler(String relative, String... lines) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  HookRun hook(String name) {
    return hook(name, Map.of());
  }

  /** Runs a hook with more environment variables. */
  HookRun hook(String name, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_HOOK_NAME", name);
    env.put("JUJU_UNIT_NAME", "app/0");
    env.put("CHARM_DIR", dir.toString());
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("OUT", dir.resolve("out.txt").toString());
    env.putAll(extra);
    return charm.execute(HookEnvironment.of(env));
  }

  /** The lines the bash functions appended to $OUT. */
  List<String> out() throws IOException {
    Path out = dir.resolve("out.txt");
    return Files.exists(out) ? Files.readAllLines(out) : List.of();
  }

  /** The bytes a handler wrote to {@code $OUT.<suffix>}, or null if it wrote none. */
  String file(String suffix) throws IOException {
    Path f = dir.resolve("out.txt." + suffix);
    return Files.exists(f) ? Files.readString(f) : null;
  }

  void clearOut() throws IOException {
    Files.deleteIfExists(dir.resolve("out.txt"));
  }
}
