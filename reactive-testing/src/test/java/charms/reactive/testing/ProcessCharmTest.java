package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo charm run as Juju runs it: one JVM per hook, hook tools found on PATH as executables,
 * unit state in the file named by CHARMS_REACTIVE_STATE_FILE, the exit code deciding the commit.
 */
class ProcessCharmTest {

  @Test
  void hooksRunAsSeparateJvmsThroughTheExecutables() {
    try (Harness harness = Harness.builder(Scenes.CHARM_DIR).process(DemoCharm.class).build()) {
      SequenceOutcome seq = harness.runSequence(harness.state().withRelation(Scenes.DB),
          HookEvent.install(), HookEvent.configChanged());
      assertTrue(seq.succeeded(), () -> seq.hooks().toString() + seq.last().stderr());

      HookOutcome install = seq.hook("install");
      assertTrue(install.run().isEmpty(), "no in-process report for a process hook");
      assertTrue(install.stdout().contains("demo charm hook hooks/install"), install.stdout());
      assertEquals(List.of(Status.maintenance("installing")), install.unitStatusHistory());
      assertEquals(List.of("status-set", "juju-log"),
          install.toolCalls().stream().map(HookToolCall::tool).toList());
      assertTrue(install.environment().get("PATH")
          .startsWith(harness.toolsDirectory().toString() + ":"));

      JujuState end = seq.finalState();
      assertEquals(Set.of("demo.installed", "demo.configured"), end.flags(),
          "flags persisted through the state file across processes");
      assertEquals(8080, end.data("port").orElseThrow().intValue());
      assertEquals(Set.of(Port.tcp(8080)), end.openedPorts());

      HookOutcome failed = harness.run(HookEvent.updateStatus(),
          end.withLeader(true).withFlags("demo.explode"));
      assertEquals(1, failed.exitCode(), failed::stderr);
      assertTrue(failed.stderr().contains("boom"), failed.stderr());
      assertEquals(end.relations(), failed.state().relations(), "relation-set rolled back");
      assertEquals(end.openedPorts(), failed.state().openedPorts(), "open-port rolled back");
      assertFalse(failed.flags().contains("demo.doomed"), "the state file's changes discarded");
      assertTrue(failed.flags().contains("demo.explode"));
      assertEquals(Status.blocked("about to fail"), failed.state().unitStatus());
      assertEquals("but-kept", failed.state().leaderSettings().get("doomed"));
    }
  }
}
