package charms.reactive.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.DispatchTrace;
import charms.reactive.HookRun;
import charms.reactive.Phase;
import charms.reactive.ReactiveCharm;
import charms.reactive.state.MemoryStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's charm does what the benchmark claims to measure (not timed): at size 30 (30
 * components, 90 handlers), the first hook runs all 90 handlers over three iterations and a fourth
 * that finds nothing, and the steady hook runs only the 30 {@code when(configured.i, installed.i)}
 * handlers and commits nothing.
 */
class DispatchBenchmarkCharmTest {
  static final int COMPONENTS = 30;

  final AtomicReference<MemoryStateStore> store = new AtomicReference<>(new MemoryStateStore());
  final ReactiveCharm charm = DispatchBenchmark.charm(COMPONENTS, store);

  static List<String> ids(String prefix) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < COMPONENTS; i++) {
      ids.add(prefix + "." + i);
    }
    return ids;
  }

  static List<List<String>> ranPerIteration(HookRun run) {
    return run.trace().passes().stream().filter(p -> p.phase() == Phase.OTHER)
        .map(DispatchTrace.Pass::ran).toList();
  }

  @Test
  void theFirstHookInstallsThenConfiguresThenReportsReady() {
    assertEquals(3 * COMPONENTS, charm.handlers().size());

    HookRun first = charm.execute(DispatchBenchmark.hook("update-status"));

    assertTrue(first.succeeded(), () -> String.valueOf(first.error()));
    assertEquals(90, first.handlersRun().size());
    assertEquals(List.of(ids("install"), ids("configure"), ids("ready"), List.of()),
        ranPerIteration(first));
    assertTrue(first.trace().capStillFiring().isEmpty());
    List<String> flags = new ArrayList<>(ids("configured"));
    flags.addAll(ids("installed"));
    flags.sort(null);
    assertEquals(flags, List.copyOf(first.flags().keySet()));
    assertTrue(first.committed());
    assertEquals(1, store.get().commits());
  }

  @Test
  void theSteadyHookRunsOnlyTheReadyHandlersAndCommitsNothing() {
    assertTrue(charm.execute(DispatchBenchmark.hook("install")).succeeded());
    byte[] settled = store.get().committedBytes();

    HookRun steady = charm.execute(DispatchBenchmark.hook("update-status"));

    assertTrue(steady.succeeded(), () -> String.valueOf(steady.error()));
    assertEquals(30, steady.handlersRun().size());
    assertEquals(List.of(ids("ready"), List.of()), ranPerIteration(steady));
    assertEquals(1, store.get().commits(), "a hook that changes nothing writes nothing");
    assertArrayEquals(settled, store.get().committedBytes());
    assertFalse(steady.flags().isEmpty());
  }
}
