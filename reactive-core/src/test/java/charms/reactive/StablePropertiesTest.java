package charms.reactive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random runs of hooks against a stable handler ({@code when(gate)}, {@code whenNot(never)},
 * inputs {@code flag:f1}, {@code data:k0}, {@code data:k1}). Before each hook a driver handler in
 * the hooks phase sets, changes or clears the inputs at random, and a later handler sometimes
 * fails the hook. A model of "the inputs of the last successful run" predicts every decision:
 * <ol type="a">
 *   <li>the stable handler never runs twice on the same inputs while its condition holds
 *       (across successful hooks; a hook that ends outside the condition forgets them);
 *   <li>in a successful hook where its condition holds, it runs exactly when some input differs
 *       from its last successful run (any change in a declared input or a read flag makes it run);
 *   <li>a failed hook leaves the committed state byte-identical: it never records a digest.
 * </ol>
 */
class StablePropertiesTest {

  /** One input's next value: null clears/unsets, otherwise sets with that value ("" = no value). */
  record Step(Map<String, String> changes, boolean fail) {
  }

  private static final List<String> INPUTS = List.of("gate", "f1", "k0", "k1");

  @Provide
  Arbitrary<List<Step>> runs() {
    Arbitrary<String> value = Arbitraries.of("", "a", "b").injectNull(0.3);
    Arbitrary<Map<String, String>> changes = Arbitraries.subsetOf(INPUTS).flatMap(keys -> {
      List<String> ordered = new ArrayList<>(keys);
      return value.list().ofSize(ordered.size()).map(values -> {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
          m.put(ordered.get(i), values.get(i));
        }
        return m;
      });
    });
    Arbitrary<Step> step = Combinators.combine(changes, Arbitraries.of(true, false, false, false))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(14);
  }

  @Property(tries = 200)
  void stableHandlersFollowTheirInputs(@ForAll("runs") List<Step> run) {
    MemoryStateStore store = new MemoryStateStore();
    AtomicReference<Step> current = new AtomicReference<>();
    List<Map<String, String>> seenByRuns = new ArrayList<>();
    List<Map<String, String>> pendingRuns = new ArrayList<>();
    ReactiveCharm charm = TestCharms.charm(store, new RecordingLog()).handler(
        Handler.named("driver").hook("update-status").invoke(ctx -> apply(ctx, current.get())),
        Handler.named("stable").when("gate").whenNot("never").inputs("flag:f1", "data:k0", "data:k1")
            .invoke(ctx -> pendingRuns.add(inputs(ctx))),
        Handler.named("failer").invoke(ctx -> {
          if (current.get().fail()) {
            throw new IllegalStateException("planned failure");
          }
        })).build();

    Map<String, String> model = new TreeMap<>(); // the committed inputs
    Map<String, String> lastRun = null;
    for (Step step : run) {
      current.set(step);
      pendingRuns.clear();
      byte[] before = store.committedBytes();
      HookRun hook = charm.execute(TestCharms.hook("update-status"));
      Map<String, String> next = new TreeMap<>(model);
      step.changes().forEach((k, v) -> {
        if (v == null) {
          next.remove(k);
        } else {
          next.put(k, v);
        }
      });
      if (step.fail()) {
        assertFalse(hook.succeeded());
        assertArrayEquals(before, store.committedBytes(), "a failed hook records nothing");
        continue;
      }
      assertEquals(true, hook.succeeded(), () -> String.valueOf(hook.error()));
      model = next;
      boolean holds = model.containsKey("gate");
      boolean expected = holds && !model.equals(lastRun);
      assertEquals(expected ? 1 : 0, pendingRuns.size(), () -> "model " + next + " hook: "
          + hook.trace().render());
      if (expected) {
        if (!seenByRuns.isEmpty()) {
          assertNotEquals(seenByRuns.get(seenByRuns.size() - 1), pendingRuns.get(0),
              "never twice on the same inputs");
        }
        seenByRuns.add(pendingRuns.get(0));
        lastRun = new TreeMap<>(model);
      }
      if (!holds) {
        lastRun = null; // a hook ending outside the condition forgets the inputs
        seenByRuns.clear();
      }
    }
  }

  private static void apply(HookContext ctx, Step step) {
    step.changes().forEach((input, value) -> {
      boolean flag = input.equals("gate") || input.equals("f1");
      if (value == null) {
        if (flag) {
          ctx.flags().clear(input);
        } else {
          ctx.data().unset(input);
        }
      } else if (flag) {
        ctx.flags().set(input, value.isEmpty() ? null : value);
      } else {
        ctx.data().set(input, value);
      }
    });
  }

  private static Map<String, String> inputs(HookContext ctx) {
    Map<String, String> seen = new TreeMap<>();
    for (String flag : List.of("gate", "f1")) {
      if (ctx.flags().isSet(flag)) {
        seen.put(flag, ctx.flags().value(flag).map(v -> v.isNull() ? "" : v.asText()).orElse(""));
      }
    }
    for (String key : List.of("k0", "k1")) {
      ctx.data().get(key).ifPresent(v -> seen.put(key, v.asText()));
    }
    return seen;
  }
}
