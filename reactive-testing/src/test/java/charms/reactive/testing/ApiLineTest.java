package charms.reactive.testing;

import charms.reactive.arch.ApiLine;
import org.junit.jupiter.api.Test;

/**
 * reactive-testing's public line: what a charm's tests write. Everything else is in {@code charms.reactive.testing.internal}. Keep this list and the README's
 * "Public API" section in step.
 */
class ApiLineTest {
  static final ApiLine LINE = ApiLine.module("reactive-testing")
      .internal("charms.reactive.testing.internal..")
      .api("charms.reactive.testing",
          // running hooks
          "Harness", "CharmHarness", "HarnessExtension", "CharmSpec", "ActionSpec", "PackedEntry",
          "FakeHookTools", "ToolAnswer", "Model", "OpenHook",
          // the model in and out
          "JujuState", "RelationState", "Status", "Port", "Network", "HookEvent",
          // what a hook produced
          "HookOutcome", "ActionOutcome", "SequenceOutcome", "HookToolCall", "LogLine",
          "NeverSetFlags",
          // errors
          "HarnessException", "InconsistentStateException")
      .build();

  @Test
  void theApiLineHolds() {
    LINE.check(ApiLine.classesBeside(Harness.class),
        ApiLine.classesBeside(Harness.class, ApiLineTest.class));
  }
}
