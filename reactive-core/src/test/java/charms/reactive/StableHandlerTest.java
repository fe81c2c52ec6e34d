package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.DispatchTrace.Outcome;
import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Stable handlers: run when the condition holds and the inputs changed since the last success. */
class StableHandlerTest {
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();
  final List<String> ran = new ArrayList<>();

  Handler render(Handler.Builder b) {
    return b.invoke(ctx -> ran.add("render"));
  }

  static DispatchTrace.Decision decision(HookRun run, String id) {
    DispatchTrace.Decision last = null;
    for (DispatchTrace.Pass p : run.trace().passes()) {
      DispatchTrace.Decision d = p.decisionFor(id);
      if (d != null && d.outcome() != Outcome.SKIPPED || last == null) {
        last = d == null ? last : d;
      }
    }
    return last;
  }

  @Test
  void aStableHandlerRunsOnceForTheSameFlagsAndSaysSinceWhen() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("db").whenNot("db").invoke(ctx -> ctx.flags().set("db", Map.of("host", "a"))),
        render(Handler.named("render").when("db").stable())).build();

    HookRun first = c.execute(hook("install"));
    assertTrue(first.succeeded(), () -> first.error().toString());
    assertEquals(List.of("render"), ran);
    assertEquals("no inputs recorded (first run, or its condition stopped holding since its last run)", decision(first, "render").reason());

    for (int i = 0; i < 3; i++) {
      HookRun idle = c.execute(hook("update-status"));
      assertTrue(idle.succeeded());
      DispatchTrace.Decision d = idle.trace().passes().get(1).decisionFor("render");
      assertEquals(Outcome.SKIPPED, d.outcome());
      assertEquals("inputs unchanged since hook install (run 1)", d.reason());
    }
    assertEquals(List.of("render"), ran);
    assertTrue(c.execute(hook("update-status")).trace().render()
        .contains("skipped     render -- inputs unchanged since hook install (run 1)"));
  }

  @Test
  void aChangedFlagValueRunsItAndTheTraceNamesTheInput() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("db").hook("config-changed").invoke(ctx -> ctx.flags().set("db", Map.of("host", "b"))),
        Handler.named("init").whenNot("db").invoke(ctx -> ctx.flags().set("db", Map.of("host", "a"))),
        render(Handler.named("render").when("db").stable())).build();
    c.execute(hook("install"));
    ran.clear();

    HookRun changed = c.execute(hook("config-changed"));

    assertEquals(List.of("render"), ran);
    DispatchTrace.Decision d = changed.trace().passes().get(1).decisionFor("render");
    assertEquals(Outcome.RAN, d.outcome());
    assertEquals("inputs changed: flag:db", d.reason());
    assertTrue(changed.trace().render().contains("ran         render -- inputs changed: flag:db"),
        changed.trace().render());
    ran.clear();
    c.execute(hook("config-changed"));
    assertEquals(List.of(), ran, "the same value again is no change");
  }

  @Test
  void aDeclaredInputChangeRunsItAndAnUnchangedOneDoesNot() {
    AtomicReference<String> supplied = new AtomicReference<>("v1");
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("write").hook("config-changed").invoke(ctx -> ctx.data().set("port", 8080)),
        render(Handler.named("render").inputs("data:port").inputs(ctx -> supplied.get()))).build();
    c.execute(hook("install"));
    assertEquals(List.of("render"), ran);
    c.execute(hook("update-status"));
    assertEquals(List.of("render"), ran);

    HookRun data = c.execute(hook("config-changed"));
    assertEquals(List.of("render", "render"), ran);
    assertEquals("inputs changed: data:port", decision(data, "render").reason());

    supplied.set("v2");
    HookRun value = c.execute(hook("update-status"));
    assertEquals(3, ran.size());
    assertEquals("inputs changed: value", decision(value, "render").reason());
  }

  @Test
  void aFailedHookRecordsNoDigestAndTheHandlerRunsAgain() {
    boolean[] fail = {true};
    ReactiveCharm c = charm(store, log).handler(
        render(Handler.named("render").when().stable()),
        Handler.named("boom").invoke(ctx -> {
          if (fail[0]) {
            throw new IllegalStateException("boom");
          }
        })).build();
    HookRun failed = c.execute(hook("install"));
    assertFalse(failed.succeeded());
    assertEquals(0, store.commits());
    assertTrue(store.committed().framework().keySet().stream().noneMatch(k -> k.startsWith("stable:")));

    fail[0] = false;
    c.execute(hook("install"));
    assertEquals(List.of("render", "render"), ran, "the failed hook's run did not count");
    assertTrue(store.committed().framework().containsKey("stable:render"));
  }

  @Test
  void itsOwnWritesToItsInputsDoNotMakeItRunAgain() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("start").whenNot("app").invoke(ctx -> ctx.flags().set("app", 1)),
        Handler.named("bump").when("app").stable().invoke(ctx -> {
          ran.add("bump");
          ctx.flags().set("app", ctx.flags().value("app").orElseThrow().asInt() + 1);
        })).build();
    HookRun run = c.execute(hook("install"));
    assertTrue(run.succeeded(), () -> run.error().toString());
    assertEquals(List.of("bump"), ran, run.trace().render());
    c.execute(hook("update-status"));
    assertEquals(List.of("bump"), ran);
  }

  @Test
  void aQueuedStableHandlerIsDroppedWhenAnEarlierHandlerRestoresItsInputs() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("flip").hook("config-changed").invoke(ctx -> ctx.flags().set("x", "new")),
        Handler.named("restore").when("x").invoke(ctx -> ctx.flags().set("x", "old")),
        render(Handler.named("render").when("x").stable())).build();
    store.commit(new charms.reactive.state.StateDocument(
        new java.util.TreeMap<>(Map.of("x", com.fasterxml.jackson.databind.node.TextNode.valueOf("old"))),
        new java.util.TreeMap<>(), new java.util.TreeMap<>()));
    c.execute(hook("install"));
    assertEquals(List.of("render"), ran);

    HookRun run = c.execute(hook("config-changed"));
    DispatchTrace.Decision d = run.trace().passes().get(1).decisionFor("render");
    assertEquals(Outcome.DROPPED, d.outcome(), run.trace().render());
    assertEquals("re-tested after restore: inputs unchanged since hook install (run 1)", d.reason());
    assertEquals(List.of("render"), ran);
  }

  @Test
  void leavingAndReEnteringTheConditionCountsAsAChange() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("on").hook("start").invoke(ctx -> ctx.flags().set("db", "same")),
        Handler.named("off").hook("stop").invoke(ctx -> ctx.flags().clear("db")),
        render(Handler.named("render").when("db").stable())).build();
    c.execute(hook("start"));
    c.execute(hook("update-status"));
    assertEquals(List.of("render"), ran);
    c.execute(hook("stop"));
    assertFalse(store.committed().framework().containsKey("stable:render"),
        "a hook ending outside its condition forgets the inputs");
    HookRun again = c.execute(hook("start"));
    assertEquals(List.of("render", "render"), ran, "the same inputs, but the condition was left");
    assertTrue(decision(again, "render").reason().startsWith("no inputs recorded"));
  }

  @Test
  void stableByDefaultCoversFlagHandlersOnlyAndStableFalseOptsOut() {
    ReactiveCharm c = charm(store, log).settings(DispatchSettings.defaults().withStableByDefault(true))
        .handler(
            Handler.named("flagged").when("ready").invoke(ctx -> ran.add("flagged")),
            Handler.named("opted-out").when("ready").stable(false).invoke(ctx -> ran.add("opted-out")),
            Handler.named("hooked").hook("update-status").invoke(ctx -> ran.add("hooked")),
            Handler.named("init").whenNot("ready").invoke(ctx -> ctx.flags().set("ready"))).build();
    c.execute(hook("install"));
    assertEquals(List.of("flagged", "opted-out"), ran);
    ran.clear();
    c.execute(hook("update-status"));
    c.execute(hook("update-status"));
    assertEquals(List.of("hooked", "opted-out", "hooked", "opted-out"), ran);
  }

  static final class Annotated {
    final List<String> ran = new ArrayList<>();

    @When("ready")
    @Stable(inputs = "data:port")
    public void render() {
      ran.add("render");
    }
  }

  @Test
  void theAnnotationDeclaresInputs() {
    Annotated charm = new Annotated();
    ReactiveCharm c = charm(store, log).handlers(charm).handler(
        Handler.named("init").whenNot("ready").invoke(ctx -> ctx.flags().set("ready")),
        Handler.named("port").hook("config-changed").invoke(ctx -> ctx.data().set("port", 1))).build();
    assertTrue(c.handlers().get(0).stable());
    c.execute(hook("install"));
    c.execute(hook("update-status"));
    assertEquals(List.of("render"), charm.ran);
    c.execute(hook("config-changed"));
    assertEquals(List.of("render", "render"), charm.ran);
  }

  @Test
  void badSpecsAreErrorsNamingHandlerAndSpec() {
    HandlerDefinitionException malformed = assertThrows(HandlerDefinitionException.class,
        () -> Handler.named("render").inputs("port"));
    assertTrue(malformed.getMessage().contains("handler render: stable input 'port' is not of the form kind:key"),
        malformed.getMessage());
    assertThrows(HandlerDefinitionException.class, () -> Handler.named("r").stable(false).inputs("data:x"));

    ReactiveCharm c = charm(store, log).handler(render(Handler.named("render").inputs("confg:port"))).build();
    HookRun run = c.execute(hook("install"));
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains("render") && message.contains("no reader for stable input kind 'confg' in 'confg:port'"),
        message);
    assertEquals(0, store.commits());
  }

  @Test
  void theRecordHoldsDigestsNotValues() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("pw").whenNot("pw").invoke(ctx -> ctx.flags().set("pw", "s3cret-value")),
        render(Handler.named("render").when("pw").stable())).build();
    c.execute(hook("install"));
    String record = store.committed().framework().get("stable:render").toString();
    assertFalse(record.contains("s3cret"), record);
    assertTrue(record.contains("\"flag:pw\""), record);
    assertArrayEquals(new Object[] {"hook", "inputs", "runs"},
        iterator(store.committed().framework().get("stable:render").fieldNames()));
  }

  private static Object[] iterator(java.util.Iterator<String> it) {
    List<String> names = new ArrayList<>();
    it.forEachRemaining(names::add);
    return names.stream().sorted().toArray();
  }
}
