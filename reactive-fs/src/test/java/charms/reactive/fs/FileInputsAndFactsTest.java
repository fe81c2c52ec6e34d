package charms.reactive.fs;

import static charms.reactive.fs.FsCharms.charm;
import static charms.reactive.fs.FsCharms.hook;
import static charms.reactive.fs.FsCharms.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.fs.FsCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as stable-handler inputs ({@code file:<path>}) and as hook-scoped facts. */
class FileInputsAndFactsTest {
  @TempDir
  Path charmDir;
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();
  final List<String> ran = new ArrayList<>();

  List<String> run(ReactiveCharm charm) {
    ran.clear();
    succeeded(charm.execute(hook("update-status", charmDir)));
    return List.copyOf(ran);
  }

  @Test
  void aStableHandlerWithAFileInputRunsWhenTheContentChangesOnly() throws IOException {
    Path file = charmDir.resolve("app.conf");
    ReactiveCharm c = charm(store, log).use(FsExtension.defaults()).handler(
        Handler.named("reload").inputs("file:app.conf").invoke(ctx -> ran.add("reload"))).build();
    assertEquals(List.of("reload"), run(c), "first run, file missing");
    assertEquals(List.of(), run(c));
    Files.writeString(file, "a");
    assertEquals(List.of("reload"), run(c));
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
    assertEquals(List.of(), run(c), "touching is no change");
    Files.writeString(file, "b");
    HookRun changed = c.execute(hook("update-status", charmDir));
    assertTrue(changed.trace().render().contains("inputs changed: file:app.conf"), changed.trace().render());
  }

  @Test
  void aFileFactHoldsInTheFirstHookThatSeesTheChangeOnly() throws IOException {
    Path file = charmDir.resolve("app.conf");
    String fact = "file:" + file;
    ReactiveCharm c = charm(store, log).use(FsExtension.defaults()).handler(
        Handler.named("restart").whenChanged(fact).invoke(ctx -> ran.add("restart"))).build();
    assertEquals(List.of(), run(c), "missing and never seen: no change");
    Files.writeString(file, "a");
    assertEquals(List.of("restart"), run(c), "appeared");
    assertEquals(List.of(), run(c), "gone with its hook without anyone clearing it");
    Files.writeString(file, "b");
    assertEquals(List.of("restart"), run(c));
    Files.delete(file);
    assertEquals(List.of("restart"), run(c), "disappeared");
    assertEquals(List.of(), run(c));
  }

  @Test
  void aFailedHookDoesNotRecordWhatItSaw() throws IOException {
    Path file = charmDir.resolve("app.conf");
    boolean[] fail = {true};
    ReactiveCharm c = charm(store, log).use(FsExtension.defaults()).handler(
        Handler.named("restart").whenChanged("file:app.conf").invoke(ctx -> {
          ran.add("restart");
          if (fail[0]) {
            throw new IllegalStateException("restart failed");
          }
        })).build();
    Files.writeString(file, "a");
    assertFalse(c.execute(hook("update-status", charmDir)).succeeded());
    fail[0] = false;
    assertEquals(List.of("restart"), run(c), "the change is still news");
  }
}
