package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.ReactiveCharm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After a test's hooks, the harness names the flags conditions read that nothing ever set. */
class NeverSetFlagsTest {

  static ReactiveCharm charm() {
    return ReactiveCharm.builder()
        .handler(Handler.named("cache.install").hook("install").invoke(ctx -> ctx.flags().set("cache.installed")))
        .handler(Handler.named("cache.start").when("cache.installd").invoke(ctx -> { }))
        .handler(Handler.named("cache.ready").when("cache.installed").whenNot("cache.broken")
            .invoke(ctx -> ctx.flags().set("cache.ready")))
        .handler(Handler.named("cache.seeded").when("seeded").invoke(ctx -> { }))
        .build();
  }

  @Test
  void aMisspeltFlagIsListedWithTheHandlersReadingIt() {
    try (Harness harness = Harness.of(Scenes.CHARM_DIR, charm())) {
      SequenceOutcome run = harness.runSequence(harness.state().withFlags("seeded"),
          HookEvent.install(), HookEvent.updateStatus());
      assertTrue(run.succeeded(), run::toString);
      NeverSetFlags never = harness.neverSetFlags();
      assertEquals(Map.of("cache.installd", List.of("cache.start"), "cache.broken", List.of("cache.ready")),
          never.readBy(), "set flags (cache.installed), and flags of the given state (seeded), are not listed");
      assertEquals(2, never.hooks());
    }
  }

  @Test
  void closingTheHarnessPrintsTheWarning() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (Harness harness = Harness.of(Scenes.CHARM_DIR, charm())) {
      harness.run(HookEvent.install(), harness.state());
    } finally {
      System.setErr(original);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("WARNING charms.reactive harness: after 1 hook, flags read by conditions "
        + "but never set"), printed);
    assertTrue(printed.contains("  cache.installd (read by cache.start)"), printed);
    assertTrue(printed.contains("  seeded (read by cache.seeded)"), printed);
  }

  @Test
  void nothingIsPrintedWhenEveryFlagWasSetOrNoHookRan() {
    ReactiveCharm clean = ReactiveCharm.builder()
        .handler(Handler.named("a").whenNot("done").invoke(ctx -> ctx.flags().set("done")))
        .build();
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      try (Harness idle = Harness.of(Scenes.CHARM_DIR, clean)) {
        assertEquals(Map.of("done", List.of("a")), idle.neverSetFlags().readBy(), "before any hook");
      }
      try (Harness harness = Harness.of(Scenes.CHARM_DIR, clean)) {
        harness.run(HookEvent.install(), harness.state());
        assertTrue(harness.neverSetFlags().isEmpty(), () -> harness.neverSetFlags().warning());
      }
    } finally {
      System.setErr(original);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertTrue(!printed.contains("never set"), "no hook run, or nothing to report: " + printed);
  }
}
