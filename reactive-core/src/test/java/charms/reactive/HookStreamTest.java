package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.DispatchTrace.Outcome;
import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** A hook as a stream of state snapshots, one per pass, verified pass by pass. */
class HookStreamTest {
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();

  ReactiveCharm chain() {
    return charm(store, log).handler(
        Handler.named("install").hook("install").invoke(ctx -> ctx.flags().set("installed")),
        Handler.named("configure").when("installed").whenNot("configured")
            .invoke(ctx -> ctx.flags().set("configured", 8080)),
        Handler.named("start").when("configured").invoke(ctx -> ctx.flags().set("started")))
        .build();
  }

  @Test
  void aHookIsItsPassesUntilOneQueuesNothing() {
    StepVerifier.create(chain().hook(hook("install")))
        .assertNext(s -> {
          assertEquals(Phase.HOOKS, s.phase());
          assertEquals("install", s.hook());
          assertEquals(Set.of(), s.flags().keySet());
          assertEquals(List.of("install"), s.queued());
          assertEquals(List.of("install"), s.pass().ran());
        })
        .assertNext(s -> {
          assertEquals(Phase.OTHER, s.phase());
          assertEquals(0, s.iteration());
          assertEquals(Set.of("installed"), s.flags().keySet());
          assertEquals(Set.of("installed"), s.changed(), "changed since the hook started");
          assertEquals(List.of("configure"), s.queued());
        })
        .assertNext(s -> {
          assertEquals(1, s.iteration());
          assertEquals(Set.of("configured", "installed"), s.flags().keySet());
          assertEquals(IntNode.valueOf(8080), s.flags().get("configured"));
          assertEquals(Set.of("configured"), s.changed());
          assertEquals(List.of("start"), s.queued());
          assertEquals(Outcome.SKIPPED, s.pass().decisionFor("configure").outcome());
        })
        .assertNext(s -> {
          assertEquals(2, s.iteration());
          assertEquals(Set.of("started"), s.changed());
          assertTrue(s.quiescent());
        })
        .verifyComplete();
    assertEquals(Set.of("configured", "installed", "started"), store.committed().flags().keySet());
  }

  @Test
  void theStreamIsColdAndEachSubscriptionIsOneHook() {
    ReactiveCharm c = chain();
    var hook = c.hook(hook("install"));
    assertEquals(0, store.commits(), "nothing runs before a subscription");
    StepVerifier.create(hook).expectNextCount(4).verifyComplete();
    assertEquals(1, store.commits());
    // the second subscription is the next hook: it starts from what the first committed
    StepVerifier.create(hook)
        .assertNext(s -> {
          assertEquals(Set.of("configured", "installed", "started"), s.flags().keySet());
          assertEquals(List.of("install"), s.queued());
        })
        .assertNext(s -> assertEquals(List.of("start"), s.queued()))
        .assertNext(s -> assertTrue(s.quiescent()))
        .verifyComplete();
  }

  @Test
  void theTraceIsThePassesOfTheStream() {
    ReactiveCharm c = chain();
    List<StateSnapshot> snapshots = c.hook(hook("install")).collectList().block();
    store.commit(new charms.reactive.state.StateDocument(new java.util.TreeMap<>(),
        new java.util.TreeMap<>(), new java.util.TreeMap<>()));
    HookRun run = c.execute(hook("install"));
    assertEquals(snapshots.stream().map(s -> s.pass().ran()).toList(),
        run.trace().passes().stream().map(DispatchTrace.Pass::ran).toList());
    assertEquals(List.of("install", "configure", "start"), run.handlersRun());
  }

  @Test
  void aFailingHandlerEndsTheStreamAfterItsPassAndNothingIsCommitted() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("first").whenNot("first").invoke(ctx -> ctx.flags().set("first")),
        Handler.named("broken").when("first").invoke(ctx -> {
          throw new IllegalStateException("disk full");
        })).build();
    StepVerifier.create(c.hook(hook("config-changed")))
        .assertNext(s -> assertEquals(Phase.HOOKS, s.phase()))
        .assertNext(s -> assertEquals(List.of("first"), s.pass().ran()))
        .assertNext(s -> {
          assertEquals(1, s.iteration());
          assertEquals(Outcome.FAILED, s.pass().decisionFor("broken").outcome());
        })
        .expectErrorSatisfies(e -> {
          assertEquals(HandlerFailedException.class, e.getClass());
          assertEquals("disk full", e.getCause().getMessage());
        })
        .verify();
    assertEquals(0, store.commits());
    assertTrue(log.at(LogLevel.ERROR).stream().anyMatch(l -> l.startsWith("Hook error:")));
  }

  @Test
  void aStrictCapFailsTheStreamAfterTheLastAllowedPass() {
    ReactiveCharm c = charm(store, log)
        .settings(DispatchSettings.defaults().withIterationCap(3).withStrictCap(true))
        .handler(
            Handler.named("ping").whenNot("ping").invoke(ctx -> {
              ctx.flags().set("ping");
              ctx.flags().clear("pong");
            }),
            Handler.named("pong").when("ping").invoke(ctx -> {
              ctx.flags().clear("ping");
              ctx.flags().set("pong");
            }))
        .build();
    StepVerifier.create(c.hook(hook("update-status")))
        .assertNext(s -> assertEquals(Phase.HOOKS, s.phase()))
        .assertNext(s -> assertEquals(List.of("ping"), s.queued()))
        .assertNext(s -> assertEquals(List.of("pong"), s.queued()))
        .assertNext(s -> assertEquals(List.of("ping"), s.queued()))
        .expectError(IterationCapException.class)
        .verify();
    assertEquals(0, store.commits());
  }

  @Test
  void theHookRunsOnTheSubscribingThread() {
    List<String> threads = new CopyOnWriteArrayList<>();
    ReactiveCharm c = charm(store, log).handler(Handler.named("where").whenNot("x").invoke(ctx -> {
      threads.add(Thread.currentThread().getName());
      ctx.flags().set("x");
    })).build();
    StepVerifier.create(c.hook(hook("install")).subscribeOn(Schedulers.boundedElastic())
            .doOnNext(s -> threads.add(Thread.currentThread().getName())))
        .expectNextCount(3)
        .verifyComplete();
    assertEquals(4, threads.size());
    assertTrue(threads.stream().allMatch(t -> t.equals(threads.get(0))) && threads.get(0)
        .startsWith("boundedElastic"), threads::toString);
  }

  @Test
  void cancellingEndsTheHookWithoutACommit() {
    StepVerifier.create(chain().hook(hook("install")).take(2))
        .expectNextCount(2)
        .verifyComplete();
    assertEquals(0, store.commits());
  }
}
