package charms.reactive.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.testing.HookOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job: the sequence it prints is the behaviour it claims. */
class DemoTest {
  @TempDir
  Path work;

  @Test
  void theDemoSequenceRendersRestartsAndReportsStatus() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Path config = work.resolve("app.conf");
    Demo demo = new Demo(Path.of("charms/web-demo"), config, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    List<HookOutcome> outcomes;
    try {
      outcomes = demo.run();
    } finally {
      demo.close();
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(outcomes.stream().allMatch(HookOutcome::succeeded), printed);
    assertEquals(List.of("install", "leader-elected", "config-changed", "start", "db-relation-created",
        "db-relation-joined", "db-relation-changed", "update-status", "config-changed", "db-relation-departed",
        "db-relation-broken"), outcomes.stream().map(o -> o.event().hookName()).toList());
    HookOutcome joined = outcomes.get(5);
    assertTrue(joined.handlersRun().containsAll(List.of("web.database-changed", "seed.render-config", "seed.restart")),
        joined.handlersRun()::toString);
    assertEquals("active", joined.state().unitStatus().name());
    assertTrue(Files.readString(config).contains("host = 10.0.0.7"));
    assertTrue(!outcomes.get(6).handlersRun().contains("seed.restart"), "same data: no restart");
    assertTrue(!outcomes.get(7).handlersRun().contains("seed.restart"));
    assertTrue(outcomes.get(8).handlersRun().contains("seed.restart"), "a new password restarts");
    assertTrue(Files.readString(config).contains("password = n3w-s3cret"));
    assertEquals("blocked", outcomes.get(10).state().unitStatus().name());
    assertTrue(printed.contains("would run: systemctl restart seed-app"), printed);
    assertTrue(printed.contains("=== update-status"), printed);
  }
}
