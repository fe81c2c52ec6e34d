package charms.reactive.examples.bash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.RelationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash-only seed charm run by the built distribution alone ({@code bin/reactive-main},
 * {@code lib/*.jar}), as Juju would run it, against the harness's executable hook tools. Needs
 * the reactor's {@code package} phase of reactive-bash, which {@code mvn verify} runs first.
 */
class DistributionTest {
  @TempDir
  Path work;

  @Test
  void theDistributionRunsABashOnlyCharm() throws Exception {
    assertTrue(Files.isExecutable(DistributionHook.REACTIVE_MAIN),
        "build reactive-bash's distribution first (mvn verify builds it): " + DistributionHook.REACTIVE_MAIN);
    Path config = work.resolve("app.conf");
    Path log = work.resolve("systemctl.log");
    Path systemctl = work.resolve("systemctl");
    Files.writeString(systemctl, "#!/bin/sh\necho \"$*\" >> '" + log + "'\n");
    Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwx------"));
    try (Harness harness = Harness.builder(BashSeedCharmTest.CHARM)
        .process(DistributionHook.class.getName(), System.getProperty("java.class.path"))
        .environment("REACTIVE_MAIN", DistributionHook.REACTIVE_MAIN.toAbsolutePath().normalize().toString())
        .environment("APP_CONFIG", config.toString())
        .environment("SERVICE_CTL", systemctl.toString())
        .build()) {
      RelationState db = RelationState.of("db", 3, "postgresql").withInterface("pgsql")
          .withRemoteUnit("postgresql/0", Map.of("host", "10.0.0.9", "port", "5432", "user", "app"));
      JujuState state = harness.state().withConfig("admin-pass", "pw").withRelation(db);
      HookOutcome outcome = harness.run(HookEvent.relationChanged(db, "postgresql/0"), state);
      assertEquals(0, outcome.exitCode(), () -> outcome + "\n" + outcome.stdout() + outcome.stderr());
      assertTrue(outcome.state().hasFlag("db.database.available"));
      assertTrue(Files.readString(config).contains("host = 10.0.0.9"));
      assertEquals(List.of("restart app"), Files.readAllLines(log));
      assertTrue(outcome.toolCalls().stream().anyMatch(c -> c.tool().equals("relation-get")));
    }
  }
}
