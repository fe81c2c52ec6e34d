package charms.reactive.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.ReactiveCharm;
import charms.reactive.juju.Juju;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's figure: the hook-tool process starts of a steady update-status of the 30-handler
 * benchmark charm (for each i: whenNot(installed.i) sets it; when(installed.i) + whenNot(configured.i)
 * sets configured.i; when(configured.i, installed.i) does nothing), with the Juju integration.
 */
class ToolCallFigureTest {
  @TempDir
  Path charmDir;

  static ReactiveCharm benchmarkCharm(int components) {
    ReactiveCharm.Builder b = ReactiveCharm.builder().use(Juju.integration());
    for (int i = 0; i < components; i++) {
      String installed = "installed." + i;
      String configured = "configured." + i;
      b.handler(Handler.named("install." + i).whenNot(installed).invoke(ctx -> ctx.flags().set(installed)),
          Handler.named("configure." + i).when(installed).whenNot(configured).invoke(ctx -> ctx.flags().set(configured)),
          Handler.named("ready." + i).when(configured, installed).invoke(ctx -> { }));
    }
    return b.build();
  }

  @Test
  void aSteadyUpdateStatusStartsAtMostTwoHookTools() throws Exception {
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: bench\n");
    try (Harness harness = Harness.of(charmDir, benchmarkCharm(30))) {
      JujuState state = harness.runInstall(harness.state()).finalState();
      HookOutcome first = harness.run(HookEvent.updateStatus(), state);
      HookOutcome steady = harness.run(HookEvent.updateStatus(), first.state());
      assertTrue(steady.succeeded());
      assertEquals(30, steady.handlersRun().size());
      List<String> tools = steady.toolCalls().stream().map(c -> c.tool()).toList();
      System.out.println("steady update-status of the 30-component benchmark charm: " + tools.size()
          + " hook-tool process starts " + tools);
      assertEquals(List.of("is-leader", "juju-log"), tools);
    }
  }
}
