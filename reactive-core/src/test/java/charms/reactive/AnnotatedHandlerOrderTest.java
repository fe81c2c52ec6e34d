package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.internal.handlers.HandlerIndex;
import charms.reactive.state.MemoryStateStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The processor runs on reactive-core's own test sources (see the module's pom), so a class
 * compiled there registers its annotated handlers in source order, as a charm's would.
 */
class AnnotatedHandlerOrderTest {
  static final String P = SourceOrderCharm.class.getName() + ".";
  static final String C = SourceOrderCharm.Child.class.getName() + ".";

  @Test
  void theTestCompilationWroteTheIndexInSourceOrder() {
    assertEquals(Optional.of(List.of("zebra", "mango", "apple", "banana")),
        HandlerIndex.read(SourceOrderCharm.class));
    assertEquals(Optional.of(List.of("yak", "aardvark")), HandlerIndex.read(SourceOrderCharm.Child.class));
  }

  @Test
  void handlersRegisterInSourceOrderNotAlphabetically() {
    ReactiveCharm c = ReactiveCharm.builder().handlers(new SourceOrderCharm()).build();
    assertEquals(List.of(P + "zebra", P + "mango", P + "apple", P + "banana"),
        c.handlers().stream().map(Handler::id).toList());
  }

  @Test
  void inheritedHandlersComeFirstThenTheSubclassOnesInSourceOrder() {
    ReactiveCharm c = ReactiveCharm.builder().handlers(new SourceOrderCharm.Child()).build();
    assertEquals(List.of(P + "zebra", P + "mango", P + "apple", P + "banana", C + "yak", C + "aardvark"),
        c.handlers().stream().map(Handler::id).toList());
  }

  @Test
  void aHookRunsThemInSourceOrder() {
    SourceOrderCharm target = new SourceOrderCharm.Child();
    ReactiveCharm c = charm(new MemoryStateStore(), new RecordingLog()).handlers(target).build();
    HookRun run = c.execute(hook("install"));
    assertTrue(run.succeeded(), () -> run.error().toString());
    assertEquals(List.of("zebra", "mango", "apple", "yak", "aardvark"), target.ran);
  }

  @Test
  void registrationOrderAcrossObjectsIsTheOrderGiven() {
    ReactiveCharm c = ReactiveCharm.builder()
        .handler(Handler.named("functional.first").whenNot("x").invoke(ctx -> { }))
        .handlers(new SourceOrderCharm())
        .handler(Handler.named("functional.last").whenNot("x").invoke(ctx -> { })).build();
    assertEquals(List.of("functional.first", P + "zebra", P + "mango", P + "apple", P + "banana",
        "functional.last"), c.handlers().stream().map(Handler::id).toList());
  }
}
