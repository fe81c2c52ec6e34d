package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.SequenceOutcome;
import charms.reactive.testing.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The charm on the harness's fake Juju: a model in, one hook, a model out. */
class CharmTest {
  @Test
  void theMessageOptionBecomesTheStatus() {
    try (Harness harness = Harness.of(Path.of("src/charm"), Charm.charm())) {
      SequenceOutcome install = harness.runInstall(harness.state().withLeader(true));
      assertTrue(install.succeeded(), install::toString);
      assertEquals(Status.active("ready"), install.finalState().unitStatus());
      assertTrue(install.finalState().hasFlag("app.configured"));

      HookOutcome changed = harness.run(HookEvent.configChanged(),
          install.finalState().withConfig("message", "hello"));
      assertEquals(Status.active("hello"), changed.state().unitStatus());
    }
  }
}
