package charms.reactive.fs;

import static charms.reactive.fs.FsCharms.charm;
import static charms.reactive.fs.FsCharms.hook;
import static charms.reactive.fs.FsCharms.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Hook;
import charms.reactive.fs.FsCharms.RecordingLog;
import charms.reactive.fs.testing.RecordingProcessRunner;
import charms.reactive.state.MemoryStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FsExtension} makes the module's services injectable into handler parameters. */
class FsExtensionTest {
  @TempDir
  Path charmDir;
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingProcessRunner runner = new RecordingProcessRunner();

  public static final class Injected {
    final List<Object> seen = new ArrayList<>();

    @Hook("install")
    public void install(Templates templates, Services services, ProcessRunner runner) {
      seen.add(templates);
      seen.add(services);
      seen.add(runner);
      services.start("app");
    }
  }

  @Test
  void templatesServicesAndTheRunnerAreInjectedByType() {
    Injected handlers = new Injected();
    succeeded(charm(store, new RecordingLog()).use(FsExtension.defaults().withProcessRunner(runner))
        .handlers(handlers).build().execute(hook("install", charmDir)));
    Templates templates = (Templates) handlers.seen.get(0);
    assertEquals(charmDir.resolve("templates").toAbsolutePath().normalize(), templates.directory());
    assertTrue(templates.isStrict());
    assertSame(runner, handlers.seen.get(2));
    assertEquals(List.of(List.of("systemctl", "start", "app")), runner.commands());
  }

  @Test
  void lenientTemplatesCanBeChosenForTheWholeCharm() throws Exception {
    Files.createDirectories(charmDir.resolve("templates"));
    Files.writeString(charmDir.resolve("templates/t.j2"), "[{{ nope }}]");
    Injected handlers = new Injected();
    succeeded(charm(store, new RecordingLog())
        .use(FsExtension.defaults().withProcessRunner(runner).withLenientTemplates())
        .handlers(handlers).build().execute(hook("install", charmDir)));
    Templates templates = (Templates) handlers.seen.get(0);
    assertFalse(templates.isStrict());
    assertEquals("[]", templates.renderToString("t.j2", java.util.Map.of()));
  }
}
