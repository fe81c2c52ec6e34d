package charms.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.juju.ToolRunner;
import charms.reactive.spi.HookOverrides;
import charms.reactive.state.MemoryStateStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3 item 9: bad input is a clear error naming what is at fault, and the hook commits nothing. */
class BadInputTest {
  @TempDir
  Path charmDir;
  final MemoryStateStore store = new MemoryStateStore();

  HookRun run(ReactiveCharm charm, String hook, ToolRunner tools) {
    HookEnvironment env = HookEnvironment.of(Map.of("JUJU_HOOK_NAME", hook, "JUJU_UNIT_NAME", "app/0",
        "JUJU_CONTEXT_ID", "ctx", "CHARM_DIR", charmDir.toString()));
    return charm.execute(env, new HookOverrides(store, tools == null ? Map.of() : Map.of(ToolRunner.class, tools)));
  }

  @Test
  void malformedMetadataNamesTheFileAndLine() throws Exception {
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\nrequires:\n  db: [unclosed\n");
    ReactiveCharm charm = ReactiveCharm.builder().log(s -> (l, m) -> { })
        .handler(Handler.named("h").hook("{requires:pgsql}-relation-joined").invoke(ctx -> { }),
            Handler.named("setter").whenNot("x").invoke(ctx -> ctx.flags().set("x"))).build();
    HookRun run = run(charm, "db-relation-joined", null);
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains(charmDir.resolve("metadata.yaml").toString()), message);
    assertTrue(message.contains("line"), message);
    assertNull(store.committedBytes());
  }

  @Test
  void anEnvironmentThatNamesNoHookIsReportedWithExitCodeOne() {
    // run() reads this process's environment, which names no hook under the test runner
    if (System.getenv("JUJU_DISPATCH_PATH") != null || System.getenv("JUJU_HOOK_NAME") != null) {
      return;
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = ReactiveCharm.builder().stateStore(s -> store).build().run();
    } finally {
      System.setErr(old);
    }
    assertEquals(1, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot tell which hook is running"), err::toString);
  }
}
