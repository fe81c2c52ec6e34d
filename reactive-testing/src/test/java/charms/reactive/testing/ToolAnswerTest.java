package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.ReactiveCharm;
import charms.reactive.juju.ToolResult;
import charms.reactive.juju.ToolRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripted tool answers: failures, output, fall-through, once/afterFirst, across processes. */
class ToolAnswerTest {
  final List<ToolResult> seen = new ArrayList<>();

  /** A charm whose install calls {@code tool args} in-process, then through the executables. */
  ReactiveCharm calling(String tool, String... args) {
    return ReactiveCharm.builder().handler(Handler.named("call").hook("install").invoke(ctx -> {
      seen.add(ctx.service(ToolRunner.class).run(tool, List.of(args), null));
      seen.add(ToolRunner.processes(ctx.environment().variables()).run(tool, List.of(args), null));
    })).build();
  }

  @Test
  void aScriptedFailureReachesInProcessCallsAndChildProcessesAndIsRecorded() {
    try (Harness harness = Harness.builder(Scenes.CHARM_DIR)
        .charm(calling("network-get", "db", "--format=json"))
        .answer("network-get", ToolAnswer.error(1, "no network config available")).build()) {
      HookOutcome out = harness.run(HookEvent.install(), harness.state());
      assertTrue(out.succeeded(), out::toString);
      ToolResult expected = new ToolResult(1, "", "ERROR no network config available\n");
      assertEquals(List.of(expected, expected), seen);
      List<HookToolCall> calls = out.calls("network-get");
      assertEquals(2, calls.size());
      for (HookToolCall c : calls) {
        assertEquals(List.of("db", "--format=json"), c.args());
        assertEquals(1, c.exitCode());
        assertEquals("ERROR no network config available\n", c.stderr());
        assertNull(c.stdin());
      }
    }
  }

  @Test
  void nullFallsThroughToTheFakesOwnAnswer() {
    ToolAnswer onlyText = args -> args.contains("--format=json") ? null
        : new ToolResult(0, "maybe\n", "");
    try (Harness harness = Harness.builder(Scenes.CHARM_DIR).charm(calling("is-leader", "--format=json"))
        .answer("is-leader", onlyText).build()) {
      HookOutcome out = harness.run(HookEvent.install(), harness.state().withLeader(true));
      assertTrue(out.succeeded(), out::toString);
      assertEquals(List.of(new ToolResult(0, "true\n", ""), new ToolResult(0, "true\n", "")), seen,
          "json calls are the model's own answer");
    }
    FakeHookTools tools = FakeHookTools.open(Scenes.CHARM, Scenes.base(), HookEvent.install())
        .answer("is-leader", onlyText);
    assertEquals("maybe\n", tools.run("is-leader", List.of(), null).stdout());
  }

  @Test
  void onceAndAfterFirstCountCalls() {
    FakeHookTools tools = FakeHookTools.open(Scenes.CHARM, Scenes.base().withLeader(false),
        HookEvent.install());
    tools.answer("is-leader", ToolAnswer.afterFirst(ToolAnswer.output("true\n")));
    List<String> json = List.of("--format=json");
    assertEquals("false\n", tools.run("is-leader", json, null).stdout());
    assertEquals("true\n", tools.run("is-leader", json, null).stdout());
    assertEquals("true\n", tools.run("is-leader", json, null).stdout());

    tools.answer("relation-ids", ToolAnswer.once(ToolAnswer.error(2, "boom")));
    assertEquals(2, tools.run("relation-ids", List.of("db"), null).exitCode());
    assertEquals(0, tools.run("relation-ids", List.of("db"), null).exitCode(), "then the model's");
    assertEquals(5, tools.calls().size(), "scripted calls are recorded too");
  }

  @Test
  void aChildProcessStdinRoundTripAsksTheScriptOncePerCall() {
    ReactiveCharm twice = ReactiveCharm.builder().handler(Handler.named("set").hook("install")
        .invoke(ctx -> {
          ToolRunner child = ToolRunner.processes(ctx.environment().variables());
          for (String value : List.of("one", "two")) {
            seen.add(child.run("relation-set", List.of("-r", "db:7", "--file", "-"),
                ("k: " + value + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          }
        })).build();
    // the executables send stdin only when the model asks for it, by running the call again;
    // that second run is the same call and must not count as the script's second
    try (Harness harness = Harness.builder(Scenes.CHARM_DIR).charm(twice)
        .answer("relation-set", ToolAnswer.afterFirst(ToolAnswer.error(1, "quota exceeded")))
        .build()) {
      HookOutcome out = harness.run(HookEvent.install(), Scenes.base());
      assertTrue(out.succeeded(), out::toString);
      assertEquals(List.of(0, 1), seen.stream().map(ToolResult::exitCode).toList(), seen::toString);
      assertEquals("one", out.state().requireRelation(7).localUnitData().get("k"));
      List<HookToolCall> calls = out.calls("relation-set");
      assertEquals(2, calls.size());
      assertEquals("k: one\n", calls.get(0).stdin(), "the model's call read its stdin");
      assertNull(calls.get(1).stdin(), "the scripted one did not");
    }
  }

  @Test
  void aToolTheFakeDoesNotImplementCanBeScripted() {
    FakeHookTools tools = FakeHookTools.open(Scenes.CHARM, Scenes.base(), HookEvent.install());
    HarnessException gap = assertThrows(HarnessException.class,
        () -> tools.run("storage-get", List.of("location"), null));
    assertTrue(gap.getMessage().contains("storage-get"), gap.getMessage());
    tools.answer("storage-get", ToolAnswer.output("/srv/data\n"));
    assertEquals(new ToolResult(0, "/srv/data\n", ""), tools.run("storage-get", List.of("location"),
        null));
  }

  @Test
  void anErrorAnswerNeedsAFailingExitCode() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ToolAnswer.error(0, "x"));
    assertTrue(e.getMessage().contains("non-zero"), e.getMessage());
  }
}
