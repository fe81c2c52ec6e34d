package charms.reactive.fs;

import charms.reactive.Handler;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.fs.testing.RecordingProcessRunner;
import charms.reactive.state.MemoryStateStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a fresh JVM by {@link LazyJinjavaTest}: one hook of a charm that uses this module
 * (services, a Templates parameter, dataChanged, a file condition) and renders a template only if
 * the second argument is {@code render}. Prints one {@code PROBE-RESULT} line.
 */
public final class LazyJinjavaProbe {
  private LazyJinjavaProbe() {
  }

  public static void main(String[] args) {
    Path charmDir = Path.of(args[0]);
    boolean render = args[1].equals("render");
    MemoryStateStore store = new MemoryStateStore();
    ReactiveCharm charm = ReactiveCharm.builder()
        .stateStore(s -> store)
        .log(s -> (level, message) -> { })
        .use(FsExtension.defaults().withProcessRunner(new RecordingProcessRunner()))
        .handler(
            Handler.named("maybe-render").hook("config-changed").invoke(ctx -> {
              Templates templates = ctx.service(Templates.class);
              DataChanges.dataChanged(ctx, "config", Map.of("port", 8080));
              if (render) {
                templates.render("app.j2", charmDir.resolve("app.conf"), Map.of("port", 8080));
              }
            }),
            Handler.named("restart").condition(FileConditions.whenFileChanged("app.conf"))
                .invoke(ctx -> ctx.service(Services.class).restart("app")))
        .build();
    HookRun run = charm.execute(FsCharms.hook("config-changed", charmDir));
    System.out.println("PROBE-RESULT " + run.succeeded() + " " + run.handlersRun()
        + run.error().map(e -> " " + e).orElse(""));
    System.exit(run.succeeded() ? 0 : 1);
  }
}
