package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.DispatchTrace.Outcome;
import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The dispatch loop: the original's, with the deliberate differences of docs/design.md. */
class DispatchTest {
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();
  final List<String> ran = new ArrayList<>();

  Handler h(String id, Handler.Builder b, Handler.HandlerWork work) {
    return b.invoke(ctx -> {
      ran.add(id);
      work.accept(ctx);
    });
  }

  Handler.Builder named(String id) {
    return Handler.named(id);
  }

  /** The original's test_dispatch: chains across iterations; only_once runs once per unit. */
  @Test
  void chainsAcrossIterationsAndOnlyOnceRunsOnce() {
    ReactiveCharm c = charm(store, log).handler(
        h("foo", named("foo").whenNot("foo"), ctx -> ctx.flags().set("foo")),
        h("foo2", named("foo2").onlyOnce(), ctx -> { }),
        h("bar", named("bar").when("foo"), ctx -> ctx.flags().set("bar")),
        h("bar2", named("bar2").when("foo").whenNot("qux"), ctx -> { }),
        h("both", named("both").when("foo", "bar"), ctx -> ctx.flags().set("qux")),
        h("qux", named("qux").when("qux"), ctx -> { })).build();

    HookRun first = c.execute(hook("config-changed"));
    assertTrue(first.succeeded(), () -> first.error().toString());
    // iteration 0: foo, foo2 ; iteration 1: bar, bar2 (foo changed) ; iteration 2: both ; 3: qux
    assertEquals(List.of("foo", "foo2", "bar", "bar2", "both", "qux"), ran);
    assertEquals(List.of(List.of("foo", "foo2"), List.of("bar", "bar2"), List.of("both"), List.of("qux"), List.of()),
        first.trace().passes().stream().filter(p -> p.phase() == Phase.OTHER).map(DispatchTrace.Pass::ran).toList());

    ran.clear();
    HookRun second = c.execute(hook("update-status"));
    assertTrue(second.succeeded());
    // everything set already: bar, bar2? bar2 needs not qux -> no; only_once is done; foo is set
    assertEquals(List.of("bar", "both", "qux"), ran);
  }

  /** The original's test_dispatch_remove: clearing a flag drops a queued handler needing it. */
  @Test
  void clearingAFlagDropsQueuedHandlersThatNeedIt() {
    ReactiveCharm c = charm(store, log).handler(
        h("h1", named("h1").when("foo"), ctx -> ctx.flags().clear("foo")),
        h("h2", named("h2").when("foo"), ctx -> { }),
        h("h3", named("h3").whenNot("bar"), ctx -> { })).build();
    store.commit(new charms.reactive.state.StateDocument(
        new java.util.TreeMap<>(java.util.Map.of("foo", com.fasterxml.jackson.databind.node.NullNode.getInstance())),
        new java.util.TreeMap<>(), new java.util.TreeMap<>()));

    HookRun run = c.execute(hook("update-status"));

    assertEquals(List.of("h1", "h3"), ran.subList(0, 2));
    DispatchTrace.Decision h2 = run.trace().passes().get(1).decisionFor("h2");
    assertEquals(Outcome.DROPPED, h2.outcome());
    assertEquals("re-tested after h2".replace("h2", "h1") + ": flag not set: foo", h2.reason());
  }

  /** The original's test_dispatch_hook: @hook handlers run before the others. */
  @Test
  void hookHandlersRunFirstWhateverTheRegistrationOrder() {
    ReactiveCharm c = charm(store, log).handler(
        h("w", named("w").whenNot("never"), ctx -> { }),
        h("hk", named("hk").hook("config-changed"), ctx -> { })).build();
    HookRun run = c.execute(hook("config-changed"));
    assertEquals(List.of("hk", "w"), run.handlersRun());
  }

  /** The original's test_multi: when(foo)+when_not(bar) runs once bar is cleared. */
  @Test
  void runsInTheIterationAfterAnExcludingFlagIsCleared() {
    ReactiveCharm c = charm(store, log).handler(
        h("multi", named("multi").when("foo").whenNot("bar"), ctx -> { }),
        h("setup", named("setup").whenNot("foo"), ctx -> {
          ctx.flags().set("foo");
          ctx.flags().set("bar");
        }),
        h("clearbar", named("clearbar").when("foo", "bar"), ctx -> ctx.flags().clear("bar"))).build();
    HookRun run = c.execute(hook("install"));
    assertEquals(List.of("setup", "clearbar", "multi"), run.handlersRun());
  }

  /** Unlike the original (which re-tested only after a clear): a flag set by an earlier handler stops a queued when_not handler. */
  @Test
  void settingAFlagDropsAQueuedWhenNotHandler() {
    ReactiveCharm c = charm(store, log).handler(
        h("a1", named("a1").whenNot("x"), ctx -> ctx.flags().set("x")),
        h("a2", named("a2").whenNot("x"), ctx -> { })).build();
    HookRun run = c.execute(hook("install"));
    assertEquals(List.of("a1"), ran);
    assertEquals(Outcome.DROPPED, run.trace().passes().get(1).decisionFor("a2").outcome());
  }

  /** The original's clear-only re-test is available as a setting (a charm that relies on it still works). */
  @Test
  void clearOnlyPolicyReproducesTheOriginal() {
    ReactiveCharm c = charm(store, log).settings(DispatchSettings.defaults().withRetest(RetestPolicy.CLEAR_ONLY))
        .handler(
            h("a1", named("a1").whenNot("x"), ctx -> ctx.flags().set("x")),
            h("a2", named("a2").whenNot("x"), ctx -> { })).build();
    c.execute(hook("install"));
    assertEquals(List.of("a1", "a2"), ran);
  }

  @Test
  void theCapWarnsAndNamesTheHandlersStillFiring() {
    ReactiveCharm c = charm(store, log).settings(DispatchSettings.defaults().withIterationCap(5))
        .handler(h("spin", named("spin").when(), ctx -> { })).build();
    HookRun run = c.execute(hook("install"));
    assertTrue(run.succeeded());
    assertEquals(5, ran.size());
    assertEquals(List.of("spin"), run.trace().capStillFiring());
    assertTrue(log.at(LogLevel.WARNING).stream().anyMatch(l -> l.contains("iteration cap of 5") && l.contains("spin")),
        log.lines::toString);
  }

  @Test
  void theCapFailsTheHookInStrictMode() {
    ReactiveCharm c = charm(store, log).settings(DispatchSettings.defaults().withIterationCap(3).withStrictCap(true))
        .handler(h("flip", named("flip").when(), ctx -> ctx.flags().toggle("x", !ctx.flags().isSet("x")))).build();
    HookRun run = c.execute(hook("install"));
    assertFalse(run.succeeded());
    assertInstanceOf(IterationCapException.class, run.error().orElseThrow());
    assertNull(store.committedBytes(), "a failed hook commits nothing");
  }

  @Test
  void aLoopThatQuiescesExactlyAtTheCapDoesNotWarn() {
    ReactiveCharm c = charm(store, log).settings(DispatchSettings.defaults().withIterationCap(2))
        .handler(h("one", named("one").whenNot("done"), ctx -> ctx.flags().set("done")),
            h("two", named("two").when("done"), ctx -> { })).build();
    HookRun run = c.execute(hook("install"));
    assertEquals(List.of("one", "two"), run.handlersRun());
    assertTrue(run.trace().capStillFiring().isEmpty());
    assertTrue(log.at(LogLevel.WARNING).isEmpty());
  }

  @Test
  void aHandlerPublisherCompletesBeforeTheNextHandlerStarts() {
    List<String> events = new ArrayList<>();
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("slow").whenNot("x").run(ctx -> Mono.delay(Duration.ofMillis(30))
            .doOnNext(t -> events.add("slow done")).then(Mono.fromRunnable(() -> ctx.flags().set("x")))),
        Handler.named("next").whenNot("y").invoke(ctx -> events.add("next started"))).build();
    HookRun run = c.execute(hook("install"));
    assertTrue(run.succeeded());
    assertEquals(List.of("slow done", "next started"), events);
  }

  @Test
  void restrictedHooksRunOnlyRestrictedHandlersAndNoCallbacks() {
    List<String> callbacks = new ArrayList<>();
    ReactiveCharm c = charm(store, log)
        .onStart(ctx -> callbacks.add("start"))
        .onExit(ctx -> callbacks.add("exit"))
        .handler(h("metrics", named("metrics").collectMetrics(), ctx -> { }),
            h("meter", named("meter").meterStatusChanged(), ctx -> { }),
            h("once", named("once").onlyOnce(), ctx -> { }),
            h("any", named("any").whenNot("x"), ctx -> { })).build();
    HookRun run = c.execute(hook("collect-metrics"));
    assertEquals(List.of("metrics"), run.handlersRun());
    assertEquals(List.of(), callbacks);
    assertEquals(1, run.trace().passes().size());
    assertEquals(Phase.RESTRICTED, run.trace().passes().get(0).phase());
  }

  @Test
  void afterIterationZeroOnlyHandlersWhoseFlagsChangedAreConsidered() {
    ReactiveCharm c = charm(store, log).handler(
        h("always", named("always").when("base"), ctx -> { }),
        h("setter", named("setter").whenNot("other"), ctx -> ctx.flags().set("other"))).build();
    store.commit(new charms.reactive.state.StateDocument(
        new java.util.TreeMap<>(java.util.Map.of("base", com.fasterxml.jackson.databind.node.NullNode.getInstance())),
        new java.util.TreeMap<>(), new java.util.TreeMap<>()));
    HookRun run = c.execute(hook("update-status"));
    assertEquals(List.of("always", "setter"), run.handlersRun());
    DispatchTrace.Decision d = run.trace().passes().get(2).decisionFor("always");
    assertEquals(Outcome.SKIPPED, d.outcome());
    assertTrue(d.reason().startsWith("none of its flags changed in iteration 0"), d.reason());
  }

  @Test
  void aFailingHandlerFailsTheHookAndCommitsNothing() {
    ReactiveCharm c = charm(store, log).handler(
        h("setter", named("setter").whenNot("a"), ctx -> ctx.flags().set("a")),
        h("boom", named("boom").whenNot("b"), ctx -> {
          throw new IllegalStateException("kaput");
        }),
        h("later", named("later").whenNot("c"), ctx -> { })).build();
    HookRun run = c.execute(hook("install"));
    assertEquals(1, run.exitCode());
    HandlerFailedException e = assertInstanceOf(HandlerFailedException.class, run.error().orElseThrow());
    assertEquals("boom", e.handlerId());
    assertEquals(List.of("setter", "boom"), ran);
    assertEquals(Outcome.NOT_REACHED, run.trace().passes().get(1).decisionFor("later").outcome());
    assertFalse(run.committed());
    assertNull(store.committedBytes());
    assertTrue(log.at(LogLevel.ERROR).get(0).startsWith("Hook error:"), log.lines::toString);
    assertTrue(log.at(LogLevel.ERROR).get(0).contains("IllegalStateException: kaput"));
    assertTrue(log.at(LogLevel.ERROR).get(0).contains("\tat "), "the stack trace is logged");
  }

  @Test
  void oneLogLinePerHandlerInvocation() {
    ReactiveCharm c = charm(store, log).handler(h("x", named("x").whenNot("x"), ctx -> ctx.flags().set("x"))).build();
    c.execute(hook("install"));
    assertEquals(List.of("Reactive main running for hook install", "Invoking reactive handler: x"),
        log.at(LogLevel.INFO));
  }

  @Test
  void theTraceIsPrintedOnRequestAndChangesNothing() {
    java.util.function.Supplier<ReactiveCharm> build = () -> charm(store, log).handler(
        h("a", named("a").whenNot("x"), ctx -> ctx.flags().set("x")),
        h("b", named("b").when("x").whenNot("y"), ctx -> ctx.flags().set("y")),
        h("c", named("c").when("never"), ctx -> { })).build();
    HookRun quiet = build.get().execute(hook("install"));
    byte[] quietState = store.committedBytes();
    assertTrue(log.lines.stream().noneMatch(l -> l.contains("dispatch trace")));

    MemoryStateStore traced = new MemoryStateStore();
    java.util.Map<String, String> env = new java.util.HashMap<>(hook("install").variables());
    env.put("CHARMS_REACTIVE_TRACE", "1");
    RecordingLog tracedLog = new RecordingLog();
    HookRun loud = charm(traced, tracedLog).handler(
        h("a", named("a").whenNot("x"), ctx -> ctx.flags().set("x")),
        h("b", named("b").when("x").whenNot("y"), ctx -> ctx.flags().set("y")),
        h("c", named("c").when("never"), ctx -> { })).build().execute(HookEnvironment.of(env));
    String printed = String.join("\n", tracedLog.at(LogLevel.INFO));
    assertTrue(printed.contains("dispatch trace for hook install"), printed);
    assertTrue(printed.contains("skipped     c -- flag not set: never"), printed);
    assertTrue(printed.contains("other phase, iteration 1:"), printed);
    assertEquals(quiet.handlersRun(), loud.handlersRun());
    assertEquals(new String(quietState), new String(traced.committedBytes()), "tracing changes no state");
  }
}
