package charms.reactive.examples.bash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.bash.ReactiveMain;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.RelationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/charms/bash-decorators: every decorator and helper of charms.reactive.sh, end to end. */
class EveryDecoratorTest {
  @TempDir
  Path work;
  Path out;
  Path watched;
  Harness harness;

  @BeforeEach
  void harness() throws Exception {
    out = work.resolve("out.txt");
    watched = work.resolve("watched.conf");
    Files.writeString(watched, "v1");
    harness = Harness.builder(Path.of("charms/bash-decorators")).charm(ReactiveMain.charm())
        .environment("OUT", out.toString()).environment("WATCHED", watched.toString()).build();
  }

  @AfterEach
  void close() {
    harness.close();
  }

  List<String> drain() throws Exception {
    List<String> lines = Files.exists(out) ? Files.readAllLines(out) : List.of();
    Files.deleteIfExists(out);
    return lines;
  }

  @Test
  void everyDecoratorBehavesAsInTheOriginalWithTheFixes() throws Exception {
    HookOutcome install = harness.run(HookEvent.install(), harness.state());
    assertTrue(install.succeeded(), install::toString);
    // hooks phase, then iteration 0 (source order), then the chain through the flags
    assertEquals(List.of("on_install", "configure", "file_changed", "once", "start_app", "ready", "all_flags_set",
        "any_flags_set", "deprecated_tests", "extra", "clear_started", "start_app"), drain(),
        "clearing demo.started lets start_app run again in the next iteration");
    assertTrue(install.state().flags().containsAll(List.of("demo.installed", "demo.configured", "demo.ready",
        "demo.extra", "demo.cleared")), install.state().flags()::toString);
    assertTrue(install.state().hasFlag("demo.started"), "set again by start_app after clear_flag");

    HookOutcome steady = harness.run(HookEvent.updateStatus(), install.state());
    assertEquals(List.of(), drain(), "only_once and the file change were consumed; no flag handler matches");

    Files.writeString(watched, "v2");
    HookOutcome changed = harness.run(HookEvent.updateStatus(), steady.state());
    assertEquals(List.of("file_changed"), drain());

    RelationState db = RelationState.of("db", 4, "postgresql").withInterface("pgsql")
        .withRemoteUnit("postgresql/1", Map.of("host", "10.1.2.3"));
    JujuState related = changed.state().withRelation(db);
    HookOutcome joined = harness.run(HookEvent.relationJoined(db, "postgresql/1"), related);
    assertTrue(joined.succeeded(), joined::toString);
    assertEquals(List.of("host=10.1.2.3"), drain(), "name_relation_get works (it did not in the original)");
  }

  @Test
  void relationCallReachesTheEndpointObjects() throws Exception {
    RelationState db = RelationState.of("db", 4, "postgresql").withInterface("pgsql")
        .withRemoteUnit("postgresql/1", Map.of("host", "10.1.2.3"));
    JujuState state = harness.state().withRelation(db).withFlags("demo.installed", "demo.configured", "demo.ready",
        "demo.extra", "demo.cleared", "demo.started", "demo.call-relation");
    HookOutcome outcome = harness.run(HookEvent.updateStatus(), state);
    assertTrue(outcome.succeeded(), outcome::toString);
    List<String> lines = drain();
    assertTrue(lines.containsAll(List.of("interface=pgsql", "joined=True", "by-flag=db", "failed=1")), lines::toString);
    assertTrue(lines.stream().anyMatch(l -> l.contains("Relation not found: nothing-like-this")), lines::toString);
  }
}
