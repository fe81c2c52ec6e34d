package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import charms.reactive.state.StateDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The trace names the flags a condition reads that were never set on this unit. */
class NeverSetFlagsTraceTest {
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();

  /** Sets {@code cache.installed}; the second handler misspells it. */
  static final class CacheCharm {
    @WhenNot("cache.installed")
    public void install(Flags flags) {
      flags.set("cache.installed");
    }

    @When("cache.installd")
    public void configure() {
    }
  }

  static HookEnvironment traced(String hook) {
    Map<String, String> env = new HashMap<>(hook(hook).variables());
    env.put("CHARMS_REACTIVE_TRACE", "1");
    return HookEnvironment.of(env);
  }

  static JsonNode everSetRecord(StateDocument doc) {
    return doc.framework().get("dispatch:flags.ever-set");
  }

  @Test
  void aMisspeltFlagIsNamedAtTheEndOfTheTraceWithTheHandlerReadingIt() {
    HookRun run = charm(store, log).handlers(new CacheCharm()).build().execute(traced("install"));

    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    String configure = run.trace().passes().stream().flatMap(p -> p.decisions().stream())
        .map(DispatchTrace.Decision::handlerId).filter(id -> id.endsWith("configure"))
        .findFirst().orElseThrow();
    assertEquals(Map.of("cache.installd", List.of(configure)), run.trace().neverSetFlags());
    String printed = String.join("\n", log.at(LogLevel.INFO));
    String last = printed.substring(printed.lastIndexOf('\n') + 1);
    assertEquals("WARNING never set on this unit: cache.installd (read by " + configure + ")",
        last);
    assertTrue(configure.contains("CacheCharm"), configure);
  }

  @Test
  void aFlagSetInAnEarlierCommittedHookIsNotListedLater() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("install").hook("install").invoke(ctx -> ctx.flags().set("app.installed")),
        Handler.named("upgrade").hook("upgrade-charm")
            .invoke(ctx -> ctx.flags().clear("app.installed")),
        Handler.named("ready").when("app.installed").invoke(ctx -> { })).build();

    HookRun first = c.execute(hook("update-status"));
    assertEquals(Map.of("app.installed", List.of("ready")), first.trace().neverSetFlags());
    assertTrue(c.execute(hook("install")).committed());
    assertEquals("[\"app.installed\"]", everSetRecord(store.committed()).toString());

    HookRun cleared = c.execute(hook("upgrade-charm"));
    assertTrue(cleared.committed());
    assertFalse(store.committed().flags().containsKey("app.installed"));
    HookRun later = c.execute(traced("update-status"));
    assertEquals(Map.of(), later.trace().neverSetFlags(),
        "set in an earlier hook, so not listed although it is not set now");
    assertTrue(log.at(LogLevel.INFO).stream().noneMatch(l -> l.contains("never set")),
        log.lines::toString);
  }

  @Test
  void aFailedHookRecordsNothing() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("set").whenNot("x").invoke(ctx -> ctx.flags().set("x")),
        Handler.named("fail").when("x").invoke(ctx -> {
          throw new IllegalStateException("boom");
        })).build();

    HookRun failed = c.execute(hook("install"));

    assertFalse(failed.succeeded());
    assertFalse(failed.committed());
    assertEquals(Map.of(), failed.trace().neverSetFlags(), "x was set during the failed hook");
    assertEquals(0, store.commits());
    assertEquals(null, everSetRecord(store.committed()));
  }

  @Test
  void theRecordIsWrittenOnlyForNewFlagsAConditionReads() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("set").whenNot("a").invoke(ctx -> {
          ctx.flags().set("a");
          ctx.flags().set("unread");
        }),
        Handler.named("reads-b").when("b").invoke(ctx -> { })).build();
    // a state from before the record existed: b is set, nothing recorded
    store.commit(new StateDocument(new TreeMap<>(Map.of("b",
        com.fasterxml.jackson.databind.node.NullNode.getInstance())), new TreeMap<>(), new TreeMap<>()));

    HookRun first = c.execute(hook("install"));
    assertEquals(Map.of(), first.trace().neverSetFlags(), "b is set at the start");
    assertEquals("[\"a\",\"b\"]", everSetRecord(store.committed()).toString(),
        "unread flags are not recorded; flags already set are folded in");

    int commits = store.commits();
    HookRun steady = c.execute(hook("update-status"));
    assertTrue(steady.succeeded());
    assertEquals(commits, store.commits(), "nothing set, nothing written");
  }
}
