package charms.reactive;

import charms.reactive.arch.ApiLine;

import org.junit.jupiter.api.Test;

/**
 * reactive-core's public line. The API is what a charm author writes; the SPI is what the other
 * modules of the framework and tools such as the test harness need from the core (a charm author
 * never names it); everything else is in {@code charms.reactive.internal}. Keep this list and the
 * README's "Public API" section in step.
 */
class ApiLineTest {
  static final ApiLine LINE = ApiLine.module("reactive-core")
      .internal("charms.reactive.internal..")
      .api("charms.reactive",
          // building and running a charm
          "ReactiveCharm", "Handler", "HandlerFunction", "Trigger", "LifecycleCallback",
          "DispatchSettings", "RetestPolicy", "Phase",
          // handler annotations
          "When", "WhenAll", "WhenAny", "WhenNot", "WhenNone", "WhenNotAll", "Hook", "OnlyOnce",
          "NotUnless", "CollectMetrics", "MeterStatusChanged", "HandlerId",
          // stable handlers and hook-scoped facts
          "Stable", "WhenChanged", "InputReader", "HookFacts",
          // conditions
          "Condition", "Conditions", "ConditionContext", "Verdict",
          // what a handler reaches
          "HookContext", "HandlerContext", "HookView", "HookServices", "Flags", "FlagView",
          "KeyValueStore", "KeyValueView",
          "HookEnvironment", "HookKind", "HookLog", "LogLevel", "CharmMetadata", "RelationRef",
          "EndHook",
          // interface authors' flag facts (Endpoint.facts())
          "FlagFact",
          // what a hook produced
          "HookRun", "DispatchTrace", "StateSnapshot",
          // errors
          "ReactiveException", "HandlerDefinitionException", "HandlerFailedException",
          "InvalidFlagException", "InvalidKeyException", "IterationCapException",
          "TriggerCycleException")
      .api("charms.reactive.juju",
          "Juju", "JujuSettings", "HookTools", "ToolRunner", "ToolResult", "ToolCall",
          "CharmConfig", "ConfigOptions", "LeaderData", "LeaderSettings", "StatusReporter",
          "WorkloadStatus", "StatusInfo", "JujuStateStore", "HookToolException",
          "NotLeaderException", "RelationNotFoundException")
      .api("charms.reactive.state",
          "StateStore", "FileStateStore", "MemoryStateStore", "StateDocument", "StateFileException")
      .api("charms.reactive.processor", "HandlerIndexProcessor")
      .spi("charms.reactive.spi",
          // extending a charm from a module
          "CharmExtension", "HandlerProvider", "ParameterResolver", "StateSource",
          "ConditionAnnotation", "ConditionFactory", "InterfaceHandlerBase",
          // reading handlers declared elsewhere, binding values
          "HandlerMethodReader", "HandlerMethods", "RecordBinder", "FrameworkRecords",
          // encodings shared with other modules
          "PythonJson", "Quoting",
          // running a hook from a harness or a tool
          "HookOverrides", "StateCodec", "StateTransaction")
      .build();

  @Test
  void theApiLineHolds() {
    LINE.check(ApiLine.classesBeside(ReactiveCharm.class),
        ApiLine.classesBeside(ReactiveCharm.class, ApiLineTest.class));
  }
}
