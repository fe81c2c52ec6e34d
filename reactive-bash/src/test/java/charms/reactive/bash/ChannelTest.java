package charms.reactive.bash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.HookRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-hook channel: one per handler run, with its own token, bounded fields, closed after. */
class ChannelTest {
  @TempDir
  Path dir;

  private static final String[] FLAGGING_FILE = {
      "#!/bin/bash",
      "source charms.reactive.sh",
      "@when_not 'done'",
      "function f() {",
      "  for ((i = 0; i < 40; i++)); do set_flag \"$MINE.$i\"; done",
      "  set_flag done",
      "}",
      "reactive_handler_main"};

  /** Two hooks in one JVM at once: each one's calls reach its own transaction only. */
  @Test
  void concurrentHooksInOneJvmNeverSeeEachOthersCalls() throws Exception {
    BashCharm one = new BashCharm(dir.resolve("one"));
    BashCharm two = new BashCharm(dir.resolve("two"));
    one.handler("reactive/f.sh", FLAGGING_FILE);
    two.handler("reactive/f.sh", FLAGGING_FILE);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<HookRun> a = CompletableFuture.supplyAsync(
          () -> one.hook("install", Map.of("MINE", "one")), pool);
      CompletableFuture<HookRun> b = CompletableFuture.supplyAsync(
          () -> two.hook("install", Map.of("MINE", "two")), pool);
      for (var entry : Map.of("one", a.get(), "two", b.get()).entrySet()) {
        HookRun run = entry.getValue();
        assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
        assertEquals(41, run.flags().size(), run.flags().keySet().toString());
        assertTrue(run.flags().keySet().stream().allMatch(f -> f.equals("done")
            || f.startsWith(entry.getKey() + ".")), run.flags().keySet().toString());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aWrongTokenIsRefusedAndLogged() throws Exception {
    BashCharm charm = new BashCharm(dir);
    charm.handler("reactive/t.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when_not 'done'",
        "function f() {",
        "  CHARMS_REACTIVE_TOKEN=wrong set_flag stolen 2>>\"$OUT.err\"",
        "  echo \"rc=$?\" >> \"$OUT\"",
        "  # refused requests are read whole before the answer: the caller never dies of SIGPIPE",
        "  for ((i = 0; i < 50; i++)); do",
        "    CHARMS_REACTIVE_TOKEN=wrong set_flag stolen \"$(printf 'x%.0s' {1..2000})\" 2>/dev/null",
        "  done",
        "  set_flag done",
        "}",
        "reactive_handler_main");
    HookRun run = charm.hook("install");
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertEquals(List.of("rc=1"), charm.out());
    assertTrue(charm.file("err").contains("the channel token is wrong"), charm.file("err"));
    assertFalse(run.flags().containsKey("stolen"));
    assertTrue(charm.log.stream().anyMatch(l -> l.startsWith("WARNING: ")
        && l.contains("refused a request with a wrong token on the channel of reactive/t.sh --invoke")),
        charm.log.toString());
  }

  /** A background job that outlives its handler's run can no longer reach the hook. */
  @Test
  void aCallAfterTheHandlersRunIsOverIsRefused() throws Exception {
    BashCharm charm = new BashCharm(dir);
    charm.handler("reactive/bg.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when_not 'done'",
        "function f() {",
        "  # the job waits until the handler's process ($$) is gone, then calls",
        "  ( while kill -0 $$ 2>/dev/null; do sleep 0.05; done",
        "    set_flag late 2>>\"$OUT.late\"; echo \"rc=$?\" >>\"$OUT.late\" ) </dev/null >/dev/null 2>&1 &",
        "  set_flag done",
        "}",
        "reactive_handler_main");
    HookRun run = charm.hook("install");
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    String late = null;
    for (int i = 0; i < 100 && (late == null || !late.contains("rc=")); i++) {
      Thread.sleep(100);
      late = charm.file("late");
    }
    assertTrue(late != null && late.contains("rc=1"), String.valueOf(late));
    assertTrue(late.contains("the run of the handler that started this process is over"), late);
    assertFalse(run.flags().containsKey("late"));
    assertFalse(new String(charm.store.committedBytes()).contains("late"));
  }

  /** Past the field limit the caller gets a named error instead of dying of SIGPIPE. */
  @Test
  void oversizedArgumentsAndFlagNamesGetNamedErrors() throws Exception {
    BashCharm charm = new BashCharm(dir);
    charm.handler("reactive/big.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when_not 'done'",
        "function f() {",
        "  huge=$(head -c 1100000 /dev/zero | tr '\\0' a)",
        "  set_flag \"$huge\" 2>>\"$OUT.err\"",
        "  echo \"rc=$?\" >> \"$OUT\"",
        "  long=$(head -c 200000 /dev/zero | tr '\\0' f)",
        "  set_flag \"$long\" 2>>\"$OUT.err\"",
        "  echo \"rc=$?\" >> \"$OUT\"",
        "  set_flag done",
        "}",
        "reactive_handler_main");
    HookRun run = charm.hook("install");
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertEquals(List.of("rc=1", "rc=1"), charm.out());
    String err = charm.file("err");
    assertTrue(err.contains("argument too long: argument 2 is 1100000 bytes; the limit is 1048576 bytes"), err);
    // the named error of the flag-name rule: the limit and the size (whichever layer applies it)
    assertTrue(err.contains("a flag name is limited to 1024 characters; this one has 200000"), err);
    assertEquals(List.of("done"), List.copyOf(run.flags().keySet()));
  }
}
