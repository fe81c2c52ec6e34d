package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @not_unless}: a warning only, listing the missing flags as the original does. */
class NotUnlessTest {
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();

  static final class Annotated {
    @When("go")
    @NotUnless({"foo", "bar", "baz"})
    public void test() {
    }
  }

  @Test
  void theWarningListsTheMissingFlagsInDeclarationOrder() {
    HookRun run = charm(store, log)
        .handler(Handler.named("test").whenNot("go").notUnless("foo", "bar")
            .invoke(ctx -> ctx.flags().set("go")))
        .handlers(new Annotated())
        .build().execute(hook("install"));
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    List<String> warnings = log.at(LogLevel.WARNING);
    // the original: "test called before flags: foo, bar" (declaration order, not sorted)
    assertTrue(warnings.contains("test called before flags: foo, bar"), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.endsWith(" called before flags: foo, bar, baz")),
        warnings.toString());
    assertEquals(2, warnings.stream().filter(w -> w.contains("called before")).count(), warnings.toString());
  }
}
