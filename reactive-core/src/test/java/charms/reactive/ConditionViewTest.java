package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.spi.FrameworkRecords;
import charms.reactive.state.MemoryStateStore;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * What a condition is given: a read-only view of the hook, whose flags are the pass's snapshot
 * while the pass is queued and the current flags when a queued handler is tested again.
 */
class ConditionViewTest {
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();

  /** Keeps every flag view it is given and checks that none of it can be written through. */
  static final class Probe implements Condition {
    final List<FlagView> views = new ArrayList<>();
    final List<String> writable = new ArrayList<>();
    final String unless;

    Probe(String unless) {
      this.unless = unless;
    }

    @Override
    public Verdict test(ConditionContext context) {
      views.add(context.flags());
      if (context instanceof HookContext) {
        writable.add("the context is a HookContext");
      }
      if (context.flags() instanceof Flags) {
        writable.add("its flags are Flags");
      }
      if (context.data() instanceof KeyValueStore) {
        writable.add("its data is a KeyValueStore");
      }
      if (FrameworkRecords.of(context, "once") instanceof KeyValueStore) {
        writable.add("its records are a KeyValueStore");
      }
      return unless != null && !context.flags().isSet(unless) ? Verdict.met()
          : Verdict.unmet("probe", null);
    }

    @Override
    public String describe() {
      return "probe";
    }
  }

  @Test
  void eachPassQueuesOnItsOwnImmutableSnapshot() {
    Probe probe = new Probe(null); // never holds: tested in every main-loop pass, never run
    ReactiveCharm charm = charm(store, log).handler(
        Handler.named("a").whenNot("a").invoke(ctx -> ctx.flags().set("a", 1)),
        Handler.named("b").when("a").whenNot("b").invoke(ctx -> ctx.flags().set("b")),
        Handler.named("probe").condition(probe).invoke(ctx -> { }))
        .build();
    StepVerifier.create(charm.hook(hook("install")))
        .assertNext(s -> {
          assertEquals(Phase.HOOKS, s.phase());
          assertTrue(probe.views.isEmpty(), "a condition of phase other is not tested here");
        })
        .assertNext(s -> {
          assertEquals(0, s.iteration());
          assertEquals(1, probe.views.size());
          assertEquals(List.copyOf(s.flags().keySet()), probe.views.get(0).list());
          assertEquals(List.of("a"), s.queued());
        })
        .assertNext(s -> {
          assertEquals(1, s.iteration());
          assertEquals(2, probe.views.size());
          assertEquals(List.of("a"), probe.views.get(1).list());
          assertEquals(List.copyOf(s.flags().keySet()), probe.views.get(1).list());
          assertEquals(IntNode.valueOf(1), probe.views.get(1).value("a").orElseThrow());
        })
        .assertNext(s -> {
          assertEquals(2, s.iteration());
          assertTrue(s.quiescent());
          assertEquals(List.of("a", "b"), probe.views.get(2).list());
        })
        .verifyComplete();
    // a pass's view is its snapshot: what ran after it does not show in it
    assertFalse(probe.views.get(0).isSet("a"), "iteration 0 queued on no flags");
    assertEquals(List.of("a"), probe.views.get(1).list());
    assertEquals(List.of(), probe.writable);
  }

  @Test
  void aQueuedHandlerIsTestedAgainOnTheCurrentFlags() {
    // reads more than flags (the default), so it is tested again after every flag change
    Probe probe = new Probe("b");
    ReactiveCharm charm = charm(store, log).handler(
        Handler.named("a").whenNot("a").invoke(ctx -> ctx.flags().set("a")),
        Handler.named("probe").condition(probe).invoke(ctx -> ctx.flags().set("b")))
        .build();
    StepVerifier.create(charm.hook(hook("install")))
        .expectNextMatches(s -> s.phase() == Phase.HOOKS)
        .assertNext(s -> {
          assertEquals(List.of("a", "probe"), s.queued());
          assertEquals(List.of("a", "probe"), s.pass().ran());
          // queued on the snapshot, then tested again after "a" set its flag
          assertEquals(2, probe.views.size());
          assertFalse(probe.views.get(0).isSet("a"), "the snapshot of iteration 0");
        })
        .assertNext(s -> assertTrue(s.quiescent()))
        .verifyComplete();
    assertTrue(probe.views.get(1).isSet("a"), "the re-test read the flags as they were then");
    assertFalse(probe.views.get(0).isSet("a"));
    assertEquals(List.of(), probe.writable, "neither view can be written through");
  }

  @Test
  void aViewMadeOfAWritableHookCannotBeWrittenThroughButFollowsIt() {
    charms.reactive.internal.UnitState state = new charms.reactive.internal.UnitState(
        charms.reactive.state.StateDocument.empty(), List.of());
    HookContext hook = new charms.reactive.internal.dispatch.HookSession(state, hook("install"),
        log, null, () -> null, List.of());
    ConditionContext view = ConditionContext.of("h", Phase.OTHER, hook, flags -> true);
    assertFalse(view instanceof HookContext);
    assertFalse(view.flags() instanceof Flags);
    assertFalse(view.data() instanceof KeyValueStore);
    assertFalse(FrameworkRecords.of(view, "once") instanceof KeyValueStore);
    assertFalse(HookView.readOnly(hook) instanceof HookContext);
    hook.flags().set("a");
    hook.data().set("k", 1);
    FrameworkRecords.of(hook, "once").set("h", true);
    assertTrue(view.flags().isSet("a"), "a view of the hook reads it as it is now");
    assertEquals(IntNode.valueOf(1), view.data().get("k").orElseThrow());
    assertTrue(FrameworkRecords.of(view, "once").get("h").isPresent());
    assertEquals("install", view.hookName());
    assertEquals("h", view.handlerId());
  }

  @Test
  void aQueuedHandlerWhoseFlagsChangedIsDroppedOnTheCurrentFlags() {
    // queued on the snapshot (c not set), dropped on the re-test after "a" set it
    ReactiveCharm charm = charm(store, log).handler(
        Handler.named("a").whenNot("c").invoke(ctx -> ctx.flags().set("c")),
        Handler.named("b").whenNot("c").invoke(ctx -> ctx.flags().set("b")))
        .build();
    StepVerifier.create(charm.hook(hook("install")))
        .expectNextCount(1)
        .assertNext(s -> {
          assertEquals(List.of("a", "b"), s.queued());
          assertEquals(List.of("a"), s.pass().ran());
          assertEquals(DispatchTrace.Outcome.DROPPED, s.pass().decisionFor("b").outcome());
          assertFalse(s.isSet("c"), "the snapshot is the pass's start");
        })
        .expectNextCount(1)
        .verifyComplete();
  }
}
