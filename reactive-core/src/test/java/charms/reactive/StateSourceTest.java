package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.spi.StateSource;
import charms.reactive.state.MemoryStateStore;
import charms.reactive.state.StateDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.PublisherProbe;
import reactor.test.publisher.TestPublisher;

/** {@link StateSource}s: their facts build the snapshot the dispatch starts from. */
class StateSourceTest {
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();
  final List<String> events = new ArrayList<>();

  static StateDocument committed(String... flags) {
    TreeMap<String, JsonNode> map = new TreeMap<>();
    for (String f : flags) {
      map.put(f, NullNode.getInstance());
    }
    return new StateDocument(map, new TreeMap<>(), new TreeMap<>());
  }

  /** A source that logs when it is subscribed, then publishes {@code facts}. */
  StateSource source(String name, FlagFact... facts) {
    return ctx -> Flux.defer(() -> {
      events.add(name + " subscribed, flags " + ctx.flags().list());
      return Flux.just(facts);
    });
  }

  Trigger recordOnSet(String flag) {
    return Trigger.whenSet(flag).run(() -> events.add("set " + flag));
  }

  Trigger recordOnClear(String flag) {
    return Trigger.whenCleared(flag).run(() -> events.add("clear " + flag));
  }

  @Test
  void factsAreAppliedInRegistrationAndEmissionOrderAfterTheStartCallbacks() {
    ReactiveCharm c = charm(store, log)
        .onStart(ctx -> {
          events.add("start 1");
          ctx.flags().set("from.start");
        })
        .onStart(ctx -> events.add("start 2"))
        .source(source("s1", FlagFact.set("a"), FlagFact.set("b", IntNode.valueOf(1)), FlagFact.cleared("a")))
        .source(source("s2", FlagFact.set("b", IntNode.valueOf(2)), FlagFact.set("c")))
        .trigger(recordOnSet("a")).trigger(recordOnClear("a")).trigger(recordOnSet("b"))
        .trigger(recordOnSet("c"))
        .handler(Handler.named("h").hook("install").invoke(ctx -> events.add("handler, flags "
            + ctx.flags().list() + ", b=" + ctx.flags().value("b").orElseThrow())))
        .build();

    HookRun run = c.execute(hook("install"));

    assertTrue(run.succeeded(), () -> run.error().toString());
    assertEquals(List.of(
        "start 1", "start 2",
        "s1 subscribed, flags [from.start]",
        "set a", "set b", "clear a",
        "s2 subscribed, flags [b, from.start]",
        "set c",
        "handler, flags [b, c, from.start], b=2"), events);
    assertEquals(List.of("b", "c", "from.start"), run.trace().initialFlags());
    assertEquals(IntNode.valueOf(2), store.committed().flags().get("b"), "the last fact wins");
  }

  @Test
  void triggersFireForSourceFactsAndHandlersSeeTheResultInIterationZero() {
    ReactiveCharm c = charm(store, log)
        .source(ctx -> Flux.just(FlagFact.set("config.changed.port"), FlagFact.cleared("leadership.is_leader")))
        .trigger(Trigger.whenSet("config.changed.port").clear("service.configured"))
        .trigger(Trigger.whenCleared("leadership.is_leader").set("follower"))
        .handler(Handler.named("configure").whenNot("service.configured").invoke(ctx -> {
          events.add("configure");
          ctx.flags().set("service.configured");
        }), Handler.named("follow").when("follower").invoke(ctx -> events.add("follow")))
        .build();
    store.commit(committed("service.configured", "leadership.is_leader"));

    HookRun run = c.execute(hook("config-changed"));

    assertTrue(run.succeeded(), () -> run.error().toString());
    assertEquals(List.of("config.changed.port", "follower"), run.trace().initialFlags());
    assertEquals(List.of("configure", "follow"), events);
    assertEquals(List.of("configure", "follow"), run.trace().passes().stream()
        .filter(p -> p.iteration() == 0 && p.phase() == Phase.OTHER).findFirst().orElseThrow().ran());
  }

  @Test
  void factsThatMatchTheCommittedStateChangeNothing() {
    ReactiveCharm c = charm(store, log)
        .source(ctx -> Flux.just(FlagFact.set("present"), FlagFact.cleared("absent")))
        .trigger(recordOnSet("present")).trigger(recordOnClear("absent"))
        .build();
    store.commit(committed("present"));
    byte[] before = store.committedBytes();

    HookRun run = c.execute(hook("update-status"));

    assertTrue(run.succeeded());
    assertEquals(List.of(), events, "no transition, no trigger");
    assertEquals(1, store.commits(), "a clean hook commits nothing");
    assertArrayEquals(before, store.committedBytes());
  }

  @Test
  void aSourceThatErrorsFailsTheHookAndCommitsNothing() {
    IOException failure = new IOException("relation-get failed");
    PublisherProbe<FlagFact> later = PublisherProbe.of(Flux.just(FlagFact.set("later")));
    List<String> ran = new ArrayList<>();
    ReactiveCharm c = charm(store, log)
        .onStart(ctx -> ctx.data().set("touched", true))
        .source(ctx -> Flux.concat(Flux.just(FlagFact.set("half")), Flux.error(failure)))
        .source(ctx -> later.flux())
        .trigger(recordOnSet("half"))
        .handler(Handler.named("h").whenNot("x").invoke(ctx -> ran.add("h")))
        .build();
    store.commit(committed("kept"));
    byte[] before = store.committedBytes();

    HookRun run = c.execute(hook("install"));

    assertEquals(1, run.exitCode());
    assertFalse(run.committed());
    assertSame(failure, run.error().orElseThrow());
    assertEquals(List.of("set half"), events, "facts before the error were applied, in the transaction");
    assertEquals(List.of(), ran, "no handler runs after a source error");
    later.assertWasNotSubscribed();
    assertEquals(1, store.commits());
    assertArrayEquals(before, store.committedBytes());
    assertTrue(log.at(LogLevel.ERROR).get(0).contains("relation-get failed"), log.lines::toString);
  }

  @Test
  void aSourceThatThrowsInsteadOfReturningAFluxFailsTheHook() {
    ReactiveCharm c = charm(store, log)
        .source(ctx -> {
          throw new IllegalStateException("no flux for you");
        })
        .build();
    HookRun run = c.execute(hook("install"));
    assertEquals(1, run.exitCode());
    assertTrue(run.error().orElseThrow().getMessage().contains("no flux for you"));
    assertEquals(0, store.commits());
  }

  @Test
  void aFactNamingAnInvalidFlagFailsTheHook() {
    ReactiveCharm c = charm(store, log).source(ctx -> Flux.just(FlagFact.set("bad flag"))).build();
    HookRun run = c.execute(hook("install"));
    assertEquals(1, run.exitCode());
    InvalidFlagException e = (InvalidFlagException) run.error().orElseThrow();
    assertEquals("bad flag", e.flag());
    assertEquals(0, store.commits());
  }

  @Test
  void aFailingStartCallbackMeansNoSourceIsSubscribed() {
    PublisherProbe<FlagFact> probe = PublisherProbe.of(Flux.just(FlagFact.set("x")));
    ReactiveCharm c = charm(store, log)
        .onStart(ctx -> {
          throw new IllegalStateException("start failed");
        })
        .source(ctx -> probe.flux()).build();
    assertEquals(1, c.execute(hook("install")).exitCode());
    probe.assertWasNotSubscribed();
    assertEquals(0, store.commits());
  }

  @Test
  void restrictedHooksDoNotSubscribeToSources() {
    PublisherProbe<FlagFact> probe = PublisherProbe.of(Flux.just(FlagFact.set("x")));
    ReactiveCharm c = charm(store, log).source(ctx -> probe.flux())
        .handler(Handler.named("m").collectMetrics().invoke(ctx -> events.add("metrics " + ctx.flags().list())))
        .build();
    HookRun run = c.execute(hook("collect-metrics"));
    assertTrue(run.succeeded());
    probe.assertWasNotSubscribed();
    assertEquals(List.of("metrics []"), events);
  }

  @Test
  void everyHookSubscribesAfresh() {
    int[] hooks = new int[1];
    ReactiveCharm c = charm(store, log)
        .source(ctx -> Flux.defer(() -> {
          hooks[0]++;
          return Flux.just(FlagFact.toggled("odd", hooks[0] % 2 == 1));
        }))
        .build();
    c.execute(hook("install"));
    assertTrue(store.committed().flags().containsKey("odd"));
    c.execute(hook("update-status"));
    assertFalse(store.committed().flags().containsKey("odd"));
    assertEquals(2, hooks[0]);
  }

  @Test
  void aColdPublisherIsConsumedCompletelyWithoutCancellation() {
    TestPublisher<FlagFact> publisher = TestPublisher.createCold();
    publisher.next(FlagFact.set("one"), FlagFact.set("two", TextNode.valueOf("2")), FlagFact.set("three"));
    publisher.complete();
    ReactiveCharm c = charm(store, log).source(ctx -> publisher.flux()).build();

    HookRun run = c.execute(hook("install"));

    assertTrue(run.succeeded(), () -> run.error().toString());
    publisher.assertWasSubscribed();
    publisher.assertWasRequested();
    publisher.assertWasNotCancelled();
    SortedMap<String, JsonNode> flags = store.committed().flags();
    assertEquals(List.of("one", "three", "two"), List.copyOf(flags.keySet()));
    assertEquals(TextNode.valueOf("2"), flags.get("two"));
  }

  @Test
  void anAsynchronousSourceIsAwaitedAndKeepsItsOrder() {
    ReactiveCharm c = charm(store, log)
        .source(ctx -> Flux.just(FlagFact.set("x"), FlagFact.cleared("x"), FlagFact.set("y"))
            .delayElements(Duration.ofMillis(5)))
        .source(ctx -> Flux.just(FlagFact.set("z")))
        .trigger(recordOnSet("x")).trigger(recordOnClear("x")).trigger(recordOnSet("y"))
        .trigger(recordOnSet("z"))
        .build();
    HookRun run = c.execute(hook("install"));
    assertTrue(run.succeeded(), () -> run.error().toString());
    assertEquals(List.of("set x", "clear x", "set y", "set z"), events);
    assertEquals(List.of("y", "z"), run.trace().initialFlags());
  }

  /** A config-style source: a flag for each key under {@code cfg.} in the charm's data. */
  static final StateSource CONFIG = ctx -> Flux.fromIterable(ctx.data().getByPrefix("cfg.").entrySet())
      .map(e -> FlagFact.set("config.set." + e.getKey().substring(4), e.getValue()));

  @Test
  void theFactsASourcePublishesInTheHookAreWhatReachesTheFlags() {
    List<SortedMap<String, JsonNode>> seen = new ArrayList<>();
    ReactiveCharm c = charm(store, log)
        .onStart(ctx -> {
          // the source, verified on its own in the same context the hook gives it
          StepVerifier.create(CONFIG.facts(ctx))
              .expectNext(FlagFact.set("config.set.name", TextNode.valueOf("web")))
              .expectNext(FlagFact.set("config.set.port", IntNode.valueOf(80)))
              .verifyComplete();
        })
        .source(CONFIG)
        .handler(Handler.named("look").hook("config-changed").invoke(ctx -> {
          TreeMap<String, JsonNode> flags = new TreeMap<>();
          for (String f : ctx.flags().list()) {
            flags.put(f, ctx.flags().value(f).orElseThrow());
          }
          seen.add(flags);
        }))
        .build();
    store.commit(new StateDocument(new TreeMap<>(),
        new TreeMap<>(Map.of("cfg.port", IntNode.valueOf(80), "cfg.name", TextNode.valueOf("web"),
            "other", TextNode.valueOf("ignored"))), new TreeMap<>()));

    HookRun run = c.execute(hook("config-changed"));

    assertTrue(run.succeeded(), () -> run.error().toString());
    assertEquals(List.of(Map.of("config.set.name", TextNode.valueOf("web"),
        "config.set.port", IntNode.valueOf(80))), seen);
  }
}
