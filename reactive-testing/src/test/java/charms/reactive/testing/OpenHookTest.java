package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Harness#open}: hook processes the test runs itself (bash scripts here) reach the hook's
 * fake tools; the exit code given to {@link OpenHook#finish} decides the commit; hooks open at
 * once are kept apart; a finished hook's tools no longer answer.
 */
class OpenHookTest {

  static Process bash(OpenHook hook, String script) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(Scenes.CHARM_DIR.toFile());
    pb.environment().clear();
    pb.environment().putAll(hook.environment());
    return pb.redirectErrorStream(true).start();
  }

  static String output(Process p) throws Exception {
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void aScriptReachesTheHooksToolsAndItsExitCodeDecidesTheCommit() throws Exception {
    try (Harness harness = Harness.builder(Scenes.CHARM_DIR).charm(new DemoCharm().get()).build()) {
      JujuState state = harness.state().withLeader(true).withRelation(Scenes.DB);
      OpenHook ok = harness.open(HookEvent.relationChanged(Scenes.DB, "postgresql/0"), state);
      Process p = bash(ok, "relation-get host; relation-set ready=yes; status-set active up");
      assertEquals("db0\n", output(p));
      HookOutcome done = ok.finish(p.exitValue());
      assertTrue(done.succeeded());
      assertEquals("yes", done.state().requireRelation(7).localUnitData().get("ready"));
      assertEquals(List.of("relation-get", "relation-set", "status-set"),
          done.toolCalls().stream().map(HookToolCall::tool).toList());
      assertSame(done, ok.finish(0), "finished once");
      assertEquals("db-relation-changed", done.environment().get("JUJU_HOOK_NAME"));

      OpenHook failing = harness.open(HookEvent.relationChanged(Scenes.DB, "postgresql/0"), state);
      Process f = bash(failing, "relation-set ready=no; status-set blocked broken; exit 3");
      output(f);
      HookOutcome failed = failing.finish(f.exitValue());
      assertEquals(3, failed.exitCode());
      assertFalse(failed.state().requireRelation(7).localUnitData().containsKey("ready"),
          "relation data of a failed hook is not committed");
      assertEquals(Status.blocked("broken"), failed.state().unitStatus(), "status always is");
    }
  }

  @Test
  void openHooksAreKeptApartAndAFinishedOneNoLongerAnswers() throws Exception {
    try (Harness harness = Harness.builder(Scenes.CHARM_DIR).charm(new DemoCharm().get())
        .answer("is-leader", ToolAnswer.output("scripted\n")).build()) {
      OpenHook a = harness.open(HookEvent.updateStatus(), harness.state().withConfig("port", 1));
      OpenHook b = harness.open(HookEvent.updateStatus(), harness.state().withConfig("port", 2));
      assertNotEquals(a.environment().get("JUJU_CONTEXT_ID"), b.environment().get("JUJU_CONTEXT_ID"));
      Process pa = bash(a, "config-get port; is-leader");
      Process pb = bash(b, "config-get port");
      assertEquals("1\nscripted\n", output(pa), "the harness's scripted answers apply");
      assertEquals("2\n", output(pb));
      a.finish(0);
      Process late = bash(a, "config-get port");
      String said = output(late);
      assertEquals(1, late.exitValue());
      assertTrue(said.contains("wrong context ID"), said);
      b.close();
      assertEquals(1, b.outcome().orElseThrow().exitCode(), "closed unfinished: a failed hook");
      assertThrows(InconsistentStateException.class, () -> harness.open(
          HookEvent.relationChanged(Scenes.DB, "postgresql/0"), harness.state()));
    }
  }

  @Test
  void aKilledProcessIsAFailedHook() throws Exception {
    try (Harness harness = Harness.builder(Scenes.CHARM_DIR).charm(new DemoCharm().get()).build();
        OpenHook hook = harness.open(HookEvent.updateStatus(), harness.state().withRelation(Scenes.DB))) {
      Process p = bash(hook, "relation-set -r db:7 half=done; status-set maintenance busy; sleep 60");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (hook.tools().calls().size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      HookOutcome out = hook.finish(p.waitFor());
      assertFalse(out.succeeded());
      assertFalse(out.state().requireRelation(7).localUnitData().containsKey("half"));
      assertEquals(List.of(Status.maintenance("busy")), out.unitStatusHistory());
    }
  }
}
