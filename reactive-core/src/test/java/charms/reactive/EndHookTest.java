package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.DispatchTrace.Outcome;
import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A handler ends the hook early with success, as sys.exit(0) does in the original. */
class EndHookTest {
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();
  final List<String> ran = new ArrayList<>();

  ReactiveCharm charmEndingWith(Handler ender) {
    return charm(store, log)
        .onExit(ctx -> ran.add("exit callback"))
        .handler(
            Handler.named("first").whenNot("first").invoke(ctx -> {
              ran.add("first");
              ctx.flags().set("first");
            }),
            ender,
            Handler.named("queued-behind").whenNot("never").invoke(ctx -> ran.add("queued-behind")),
            Handler.named("next-iteration").when("ender.done").invoke(ctx -> ran.add("next-iteration")))
        .build();
  }

  @Test
  void theHookCommitsWhatWasDoneAndStartsNothingMore() {
    ReactiveCharm c = charmEndingWith(Handler.named("ender").whenNot("ender.done").onlyOnce()
        .invoke(ctx -> {
          ran.add("ender");
          ctx.flags().set("ender.done");
          throw new EndHook("the workload is busy");
        }));

    HookRun run = c.execute(hook("config-changed"));

    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertEquals(0, run.exitCode());
    assertEquals(List.of("first", "ender", "exit callback"), ran);
    assertTrue(run.committed());
    assertEquals(Set.of("first", "ender.done"), store.committed().flags().keySet());
    DispatchTrace.Pass last = run.trace().passes().get(run.trace().passes().size() - 1);
    assertEquals(0, last.iteration(), "no pass after the one that ended the hook");
    assertEquals(Outcome.ENDED_HOOK, last.decisionFor("ender").outcome());
    assertEquals(Outcome.NOT_REACHED, last.decisionFor("queued-behind").outcome());
    assertEquals(List.of("first", "ender"), run.handlersRun());
    assertTrue(log.at(LogLevel.INFO).contains("ender ended the hook early: the workload is busy"),
        log.lines::toString);

    ran.clear();
    HookRun next = c.execute(hook("update-status"));
    assertTrue(next.succeeded());
    assertFalse(ran.contains("ender"), "the ending handler completed, so only_once marked it");
    assertTrue(ran.contains("next-iteration"));
  }

  @Test
  void aPublisherSignallingEndHookFromAnotherThreadEndsTheStreamWithSuccess() {
    ReactiveCharm c = charmEndingWith(Handler.named("ender").whenNot("ender.done")
        .run(ctx -> Mono.delay(Duration.ofMillis(10))
            .then(Mono.fromRunnable(() -> ctx.flags().set("ender.done")))
            .then(Mono.error(new EndHook()))));
    StepVerifier.create(c.hook(hook("config-changed")))
        .assertNext(s -> assertEquals(Phase.HOOKS, s.phase()))
        .assertNext(s -> assertEquals(Outcome.ENDED_HOOK, s.pass().decisionFor("ender").outcome()))
        .verifyComplete();
    assertEquals(Set.of("first", "ender.done"), store.committed().flags().keySet());
    assertTrue(log.at(LogLevel.INFO).contains("ender ended the hook early"));
  }

  /** An annotated handler, and a CompletionStage failing with EndHook. */
  public static final class Annotated {
    final List<String> ran = new ArrayList<>();

    @Hook("install")
    public void install(Flags flags) {
      ran.add("install");
      flags.set("installed");
      throw new EndHook("install is enough for now");
    }

    @When("installed")
    public java.util.concurrent.CompletionStage<Void> configure() {
      ran.add("configure");
      return java.util.concurrent.CompletableFuture.failedFuture(new EndHook());
    }
  }

  @Test
  void annotatedHandlersEndTheHookByThrowingOrFailingTheirStage() {
    Annotated a = new Annotated();
    ReactiveCharm c = charm(store, log).handlers(a).build();
    HookRun install = c.execute(hook("install"));
    assertTrue(install.succeeded());
    assertEquals(List.of("install"), a.ran, "the hooks phase ended the hook: no main loop");
    assertEquals(Set.of("installed"), store.committed().flags().keySet());
    HookRun later = c.execute(hook("update-status"));
    assertTrue(later.succeeded());
    assertEquals(List.of("install", "configure"), a.ran);
    assertEquals(Outcome.ENDED_HOOK, later.trace().passes().get(1)
        .decisionFor(Annotated.class.getName() + ".configure").outcome());
  }

  @Test
  void outsideAHandlerEndHookIsAnError() {
    ReactiveCharm c = charm(store, log).onExit(ctx -> {
      throw new EndHook("not from an exit callback");
    }).handler(Handler.named("sets").whenNot("x").invoke(ctx -> ctx.flags().set("x"))).build();
    HookRun run = c.execute(hook("install"));
    assertEquals(1, run.exitCode());
    assertEquals(0, store.commits());
  }
}
