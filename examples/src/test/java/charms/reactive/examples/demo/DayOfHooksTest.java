package charms.reactive.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures of the top README: a simulated day (288 update-status, three config-changed) of the
 * web demo written with stable handlers and facts, and written as for the original.
 */
class DayOfHooksTest {

  @Test
  void anIdleUpdateStatusRunsNothingWithStableHandlersAndRendersAndRestartsTheOriginalWay() throws Exception {
    Path charm = Path.of("charms/web-demo");
    DayOfHooks.Figures stable = DayOfHooks.run(charm, "stable", WebDemoCharm::charm);
    DayOfHooks.Figures original = DayOfHooks.run(charm, "original", OriginalWebDemoCharm::charm);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    DayOfHooks.print(List.of(stable, original), new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String printed = buffer.toString(StandardCharsets.UTF_8);
    System.out.println(printed);

    assertEquals(298, stable.hooks());
    assertEquals(298, original.hooks());
    assertEquals(288, stable.idleHooks());
    assertEquals(0, stable.idleHandlerRuns(), printed);
    assertEquals(0, stable.idleRestarts(), printed);
    assertEquals(288, original.idleRestarts(), "the original way restarts in every update-status");
    assertEquals(2 * 288, original.idleHandlerRuns(), "render-and-restart and ready, every time");
    // the README's table: first render, and the two new passwords; the unchanged config-changed
    // at 12:00 renders nothing
    assertEquals(List.of(17, 3, 3), List.of(stable.handlerRuns(), stable.renders(), stable.restarts()), printed);
    assertEquals(List.of(598, 293, 293), List.of(original.handlerRuns(), original.renders(), original.restarts()),
        printed);
    // hook tools are the same (is-leader and one juju-log per idle hook): the Juju integration
    // already calls them sparingly; what stable handlers save is the handlers' own work
    assertEquals(original.toolCalls(), stable.toolCalls(), printed);
    assertEquals(2 * 288, stable.idleToolCalls(), printed);
    assertTrue(stable.idleTrace().contains("skipped     seed.render-config -- inputs unchanged since hook"), printed);
    assertTrue(original.idleTrace().contains("ran         seed.configure"), printed);
  }
}
