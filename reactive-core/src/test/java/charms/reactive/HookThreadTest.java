package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import charms.reactive.state.StateDocument;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Every part of a hook runs on the thread that called {@code execute()}, whatever thread a
 * handler's publisher completes on: the later handlers (one of them blocking), condition tests,
 * triggers, sources, exit callbacks and the commit.
 */
class HookThreadTest {
  private static final Scheduler FOREIGN = Schedulers.newSingle("foreign-emitter");

  @AfterAll
  static void stop() {
    FOREIGN.dispose();
  }

  static Stream<Arguments> hoppingPublishers() {
    return Stream.of(
        Arguments.of("Mono.delay", (Function<HandlerContext, Publisher<?>>)
            ctx -> Mono.delay(Duration.ofMillis(20))),
        Arguments.of("publishOn(parallel)", (Function<HandlerContext, Publisher<?>>)
            ctx -> Mono.just(1).publishOn(Schedulers.parallel())),
        Arguments.of("subscribeOn(boundedElastic)", (Function<HandlerContext, Publisher<?>>)
            ctx -> Mono.fromCallable(() -> Thread.currentThread().getName())
                .subscribeOn(Schedulers.boundedElastic())),
        Arguments.of("Flux from a foreign thread", (Function<HandlerContext, Publisher<?>>)
            ctx -> Flux.<Integer>create(sink -> FOREIGN.schedule(() -> {
              sink.next(1);
              sink.next(2);
              sink.complete();
            }))),
        Arguments.of("error from a foreign thread", (Function<HandlerContext, Publisher<?>>)
            ctx -> Mono.delay(Duration.ofMillis(5)).then(Mono.error(new IllegalStateException("late")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hoppingPublishers")
  void everyLaterStepRunsOnTheCallingThread(String kind,
      Function<HandlerContext, Publisher<?>> hop) throws Exception {
    boolean fails = kind.startsWith("error");
    Map<String, Thread> seen = new ConcurrentHashMap<>();
    List<String> order = new CopyOnWriteArrayList<>();
    Condition recordingCondition = new Condition() {
      @Override
      public Verdict test(ConditionContext context) {
        if (context.flags().isSet("hopped")) {
          seen.put("condition after the hop", Thread.currentThread());
        }
        return Verdict.met();
      }

      @Override
      public String describe() {
        return "records its thread";
      }
    };
    MemoryStateStore memory = new MemoryStateStore();
    charms.reactive.state.StateStore recordingStore = new charms.reactive.state.StateStore() {
      @Override
      public StateDocument load() {
        return memory.load();
      }

      @Override
      public void commit(StateDocument document) {
        seen.put("commit", Thread.currentThread());
        memory.commit(document);
      }

      @Override
      public void close() {
        seen.put("close", Thread.currentThread());
      }

      @Override
      public String describe() {
        return "recording store";
      }
    };
    ReactiveCharm c = ReactiveCharm.builder().stateStore(s -> recordingStore).log(s -> new RecordingLog())
        .trigger(Trigger.whenSet("hopped").run(() -> seen.put("trigger", Thread.currentThread())))
        .source(ctx -> Mono.delay(Duration.ofMillis(5)).thenMany(Flux.just(FlagFact.set("sourced"))))
        .onExit(ctx -> seen.put("exit callback", Thread.currentThread()))
        .handler(
            Handler.named("hop").whenNot("hopped").run(ctx -> {
              seen.put("hopping handler", Thread.currentThread());
              order.add("hop");
              return Flux.from(hop.apply(ctx)).then(Mono.fromRunnable(() -> {
                if (!fails) {
                  ctx.flags().set("hopped");
                }
              }));
            }),
            Handler.named("blocks").when("hopped").condition(recordingCondition).invoke(ctx -> {
              // blocking is allowed on the hook's thread, never on one of Reactor's parallel ones
              Mono.delay(Duration.ofMillis(5)).block();
              order.add("blocks");
            }),
            Handler.named("records").when("hopped", "sourced").invoke(ctx -> {
              seen.put("later handler", Thread.currentThread());
              ctx.flags().set("done");
              order.add("records");
            }))
        .build();

    Thread caller = Thread.currentThread();
    HookRun run = c.execute(hook("config-changed"));

    if (fails) {
      assertEquals(1, run.exitCode());
      assertEquals("late", run.error().orElseThrow().getCause().getMessage());
      assertEquals(List.of("hop"), order);
      return;
    }
    assertTrue(run.succeeded(), () -> kind + ": " + run.error());
    assertEquals(List.of("hop", "blocks", "records"), order);
    assertTrue(run.flags().containsKey("done"));
    assertEquals(Set.of("hopping handler", "trigger", "condition after the hop", "later handler",
        "exit callback", "commit", "close"), seen.keySet());
    seen.forEach((step, thread) -> assertEquals(caller, thread, kind + ": " + step + " ran on "
        + thread.getName()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hoppingPublishers")
  void aHookStartedOnAWorkerThreadStaysOnIt(String kind,
      Function<HandlerContext, Publisher<?>> hop) throws Exception {
    if (kind.startsWith("error")) {
      return;
    }
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "hook-caller"));
    try {
      List<String> threads = new CopyOnWriteArrayList<>();
      ReactiveCharm c = charm(new MemoryStateStore(), new RecordingLog()).handler(
          Handler.named("hop").whenNot("hopped").run(ctx -> Flux.from(hop.apply(ctx))
              .then(Mono.fromRunnable(() -> ctx.flags().set("hopped")))),
          Handler.named("after").when("hopped").invoke(ctx -> threads.add(Thread.currentThread().getName())))
          .build();
      Future<HookRun> run = pool.submit(() -> c.execute(hook("install")));
      assertTrue(run.get().succeeded(), () -> String.valueOf(run));
      assertEquals(List.of("hook-caller"), threads);
      assertNotEquals(Thread.currentThread().getName(), threads.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  @org.junit.jupiter.api.Test
  void aHandlerBlockingOnItsOwnWorkerThatWritesFlagsDoesNotDeadlock() {
    List<String> ran = new CopyOnWriteArrayList<>();
    ReactiveCharm c = charm(new MemoryStateStore(), new RecordingLog()).handler(
        Handler.named("blocks").whenNot("written").invoke(ctx ->
            Mono.fromRunnable(() -> ctx.flags().set("written"))
                .subscribeOn(Schedulers.boundedElastic()).block(Duration.ofSeconds(10))),
        Handler.named("after").when("written").invoke(ctx -> ran.add(Thread.currentThread().getName())))
        .build();
    HookRun run = c.execute(hook("install"));
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertEquals(List.of(Thread.currentThread().getName()), ran);
  }
}
