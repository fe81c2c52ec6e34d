package charms.reactive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import charms.reactive.DispatchTrace.Decision;
import charms.reactive.DispatchTrace.Outcome;
import charms.reactive.DispatchTrace.Pass;
import charms.reactive.state.FileStateStore;
import charms.reactive.spi.StateCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import reactor.core.publisher.Mono;

/**
 * Randomized charms against the dispatcher's invariants. Each try generates a charm of 1..40
 * handlers over six flags (random {@code when}/{@code whenNot}/{@code whenAny}/{@code whenNotAll}
 * conditions, some {@code @hook} handlers, actions that set and clear flags and sometimes fail),
 * random initial flags, retest policy and iteration cap, and runs one or two hooks on a real
 * {@link FileStateStore}, twice from the same initial state. For every hook it checks:
 * <ol type="a">
 *   <li>no handler starts while its condition is false ({@link RetestPolicy#ANY_CHANGE}), checked
 *       inside each action against the live flags;
 *   <li>within each pass, handlers start in increasing registration order, and the trace's passes
 *       match the starts that really happened;
 *   <li>the loop quiesces (its last pass queued nothing) or stops at the cap with the handlers
 *       still matching named; each pass queues exactly the handlers a reference model predicts
 *       (phase, flag watch after iteration 0, condition), and queued handlers are dropped exactly
 *       when the retest policy says so;
 *   <li>a failed hook leaves the state file byte-identical, and a successful one commits its flags;
 *   <li>the same charm from the same state runs the same handlers to the same flags and bytes.
 * </ol>
 */
class DispatcherPropertiesTest {
  static final int FLAG_COUNT = 6;
  static final List<String> HOOKS = List.of("install", "config-changed", "update-status");
  static final HookLog NO_LOG = (level, message) -> { };

  // ---------------------------------------------------------------------------------------------
  // The generated charm

  enum Mode { ALL, ANY, NONE, NOT_ALL }

  /** One flag condition of a handler. */
  record Cond(Mode mode, List<String> flags) {
    boolean holds(Set<String> set) {
      return switch (mode) {
        case ALL -> set.containsAll(flags);
        case ANY -> flags.stream().anyMatch(set::contains);
        case NONE -> flags.stream().noneMatch(set::contains);
        case NOT_ALL -> !set.containsAll(flags);
      };
    }

    void addTo(Handler.Builder b) {
      String[] names = flags.toArray(String[]::new);
      switch (mode) {
        case ALL -> b.when(names);
        case ANY -> b.whenAny(names);
        case NONE -> b.whenNot(names);
        case NOT_ALL -> b.whenNotAll(names);
        default -> throw new AssertionError(mode);
      }
    }

    @Override
    public String toString() {
      return mode + flags.toString();
    }
  }

  /** Sets (optionally with a value) or clears one flag. */
  record Op(boolean set, String flag, Integer value) {
    @Override
    public String toString() {
      return (set ? "set " : "clear ") + flag + (value == null ? "" : "=" + value);
    }
  }

  /**
   * One handler: its flag conditions, an optional {@code @hook} pattern, what it does, and whether
   * it works synchronously or through a deferred publisher.
   */
  record HandlerSpec(List<Cond> conds, String hook, List<Op> ops, boolean publisher) {
    Set<String> watched() {
      Set<String> w = new LinkedHashSet<>();
      conds.forEach(c -> w.addAll(c.flags()));
      return w;
    }

    Phase phase() {
      return hook == null ? Phase.OTHER : Phase.HOOKS;
    }

    /** The declared condition, evaluated from scratch against a set of flags in a hook. */
    boolean holds(Set<String> flags, String hookName) {
      if (hook != null && !hook.equals(hookName)) {
        return false;
      }
      for (Cond c : conds) {
        if (!c.holds(flags)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The handler {@code handlerSeed % size} fails on its n-th start within a hook. */
  record Failure(int handlerSeed, int onStart) {
  }

  record CharmSpec(List<HandlerSpec> handlers, Failure failure, Set<String> initialFlags,
      RetestPolicy retest, int cap, boolean strictCap, List<String> hooks) {

    int failingHandler() {
      return failure == null ? -1 : failure.handlerSeed() % handlers.size();
    }

    DispatchSettings settings() {
      return new DispatchSettings(cap, strictCap, retest, false);
    }
  }

  static String id(int index) {
    return String.format("h%02d", index);
  }

  static int index(String id) {
    return Integer.parseInt(id.substring(1));
  }

  @Provide
  Arbitrary<CharmSpec> charms() {
    Arbitrary<String> flag = Arbitraries.integers().between(0, FLAG_COUNT - 1).map(i -> "f" + i);
    Arbitrary<Cond> cond = Combinators.combine(Arbitraries.of(Mode.class),
        flag.set().ofMinSize(1).ofMaxSize(3).map(s -> List.copyOf(new TreeSet<>(s))))
        .as(Cond::new);
    // Mostly one or two conditions; a handler with none matches every iteration (it spins).
    Arbitrary<List<Cond>> conds = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(List.<Cond>of())),
        Tuple.of(25, cond.list().ofMinSize(1).ofMaxSize(3)));
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        Tuple.of(3, Combinators.combine(flag, Arbitraries.integers().between(0, 9).injectNull(0.7))
            .as((f, v) -> new Op(true, f, v))),
        Tuple.of(2, flag.map(f -> new Op(false, f, null))));
    Arbitrary<String> hookPattern = Arbitraries.of("install", "config-changed").injectNull(0.85);
    // A @hook handler runs in the hooks phase; flag conditions (phase other) cannot join it.
    Arbitrary<HandlerSpec> handler = Combinators.combine(conds, hookPattern,
        op.list().ofMaxSize(3), Arbitraries.of(true, false))
        .as((c, hook, ops, publisher) -> new HandlerSpec(hook == null ? c : List.of(), hook, ops,
            publisher));
    Arbitrary<Failure> failure = Combinators.combine(Arbitraries.integers().between(0, 39),
        Arbitraries.integers().between(1, 2)).as(Failure::new).injectNull(0.5);
    return Combinators.combine(
        handler.list().ofMinSize(1).ofMaxSize(40),
        failure,
        flag.set().ofMaxSize(FLAG_COUNT),
        Arbitraries.of(RetestPolicy.class),
        Arbitraries.of(1, 2, 3, 5, 10, 100),
        Arbitraries.of(false, false, false, true),
        Arbitraries.of(HOOKS).list().ofMinSize(1).ofMaxSize(2))
        .as(CharmSpec::new);
  }

  // ---------------------------------------------------------------------------------------------
  // Running it

  /** One handler start as the handler itself saw it. */
  record Start(int handler, boolean conditionHeld, Set<String> transitions, boolean clearCalled,
      Set<String> flagsAfter, boolean threw) {
  }

  /** What the handlers of one hook run recorded; a fresh one per hook run. */
  static final class Recorder {
    final List<Start> starts = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    final Map<Integer, Integer> startCount = new HashMap<>();
  }

  static ReactiveCharm build(CharmSpec spec, String hookName, Recorder rec, Path stateFile) {
    ReactiveCharm.Builder builder = ReactiveCharm.builder()
        .stateStore(hook -> new FileStateStore(stateFile)).log(hook -> NO_LOG)
        .settings(spec.settings());
    for (int i = 0; i < spec.handlers().size(); i++) {
      int index = i;
      HandlerSpec h = spec.handlers().get(i);
      Handler.Builder b = Handler.named(id(i));
      if (h.hook() != null) {
        b.hook(h.hook());
      }
      h.conds().forEach(c -> c.addTo(b));
      builder.handler(b.run(ctx -> {
        // (a): the declared condition, re-evaluated at the instant the handler starts.
        boolean held = h.holds(new TreeSet<>(ctx.flags().list()), hookName);
        if (!held) {
          rec.violations.add(id(index) + " started while its condition was false; flags "
              + ctx.flags().list());
        }
        int n = rec.startCount.merge(index, 1, Integer::sum);
        boolean fails = index == spec.failingHandler() && n == spec.failure().onStart();
        if (h.publisher()) {
          return Mono.fromRunnable(() -> work(h, index, held, fails, ctx.flags(), rec));
        }
        work(h, index, held, fails, ctx.flags(), rec);
        return null;
      }));
    }
    return builder.build();
  }

  static void work(HandlerSpec h, int index, boolean held, boolean fails, Flags flags,
      Recorder rec) {
    Set<String> transitions = new TreeSet<>();
    boolean clearCalled = false;
    for (Op op : h.ops()) {
      boolean before = flags.isSet(op.flag());
      if (op.set()) {
        if (op.value() == null) {
          flags.set(op.flag());
        } else {
          flags.set(op.flag(), op.value());
        }
      } else {
        flags.clear(op.flag());
        clearCalled = true;
      }
      if (before != flags.isSet(op.flag())) {
        transitions.add(op.flag());
      }
    }
    rec.starts.add(new Start(index, held, transitions, clearCalled, new TreeSet<>(flags.list()),
        fails));
    if (fails) {
      throw new IllegalStateException("generated failure in " + id(index));
    }
  }

  static HookEnvironment hook(String name, Path charmDir) {
    return HookEnvironment.of(Map.of("JUJU_HOOK_NAME", name, "JUJU_UNIT_NAME", "app/0",
        "CHARM_DIR", charmDir.toString()));
  }

  /** One hook of the sequence, with everything needed to compare two runs of it. */
  record HookResult(HookRun run, Recorder rec, byte[] stateAfter) {
  }

  // ---------------------------------------------------------------------------------------------
  // The property

  @Property(tries = 200)
  void dispatcherInvariantsHold(@ForAll("charms") CharmSpec spec) throws IOException {
    Path dirA = Files.createTempDirectory("dispatch-props-a");
    Path dirB = Files.createTempDirectory("dispatch-props-b");
    try {
      Path fileA = dirA.resolve(".unit-state.json");
      Path fileB = dirB.resolve(".unit-state.json");
      seed(spec, fileA, dirA);
      Files.copy(fileA, fileB);

      List<HookResult> first = runSequence(spec, fileA, dirA);
      List<HookResult> second = runSequence(spec, fileB, dirB);

      // The generator must reach every way a hook can end, or the checks above prove little.
      Statistics.label("outcome").coverage(c -> {
        for (String outcome : List.of("quiesced", "quiesced at the cap", "cap", "cap (strict)",
            "handler failed")) {
          c.check(outcome).count(n -> n >= 3);
        }
      });

      // (e) determinism: same handlers, same flags (with values), same outcome, same bytes.
      for (int k = 0; k < first.size(); k++) {
        HookRun a = first.get(k).run();
        HookRun b = second.get(k).run();
        assertEquals(a.handlersRun(), b.handlersRun(), "handlers run differ between two runs");
        assertEquals(a.flags(), b.flags(), "final flags differ between two runs");
        assertEquals(a.exitCode(), b.exitCode());
        assertEquals(a.error().map(Throwable::toString), b.error().map(Throwable::toString));
        assertEquals(a.trace().render(), b.trace().render());
        assertEquals(first.get(k).rec().starts, second.get(k).rec().starts);
        assertArrayEquals(first.get(k).stateAfter(), second.get(k).stateAfter());
      }
    } finally {
      deleteTree(dirA);
      deleteTree(dirB);
    }
  }

  /** An earlier, successful hook that leaves the initial flags (and some data) in the file. */
  static void seed(CharmSpec spec, Path file, Path dir) throws IOException {
    HookRun seeded = ReactiveCharm.builder().stateStore(env -> new FileStateStore(file))
        .log(env -> NO_LOG)
        .onStart(ctx -> {
          spec.initialFlags().forEach(f -> ctx.flags().set(f));
          ctx.data().set("seeded-with", spec.handlers().size());
        })
        .build().execute(hook("start", dir));
    assertTrue(seeded.succeeded(), () -> "seeding failed: " + seeded.error());
    assertTrue(Files.exists(file));
  }

  List<HookResult> runSequence(CharmSpec spec, Path file, Path dir) throws IOException {
    List<HookResult> results = new ArrayList<>();
    for (String hookName : spec.hooks()) {
      byte[] before = Files.readAllBytes(file);
      Set<String> flagsBefore = StateCodec.decode(before, file.toString()).flags().keySet();
      Recorder rec = new Recorder();
      HookRun run = build(spec, hookName, rec, file)
          .execute(hook(hookName, dir));
      byte[] after = Files.readAllBytes(file);

      String outcome = checkDispatch(spec, hookName, new TreeSet<>(flagsBefore), rec, run);
      Statistics.label("outcome").collect(outcome);
      Statistics.label("retest").collect(spec.retest());

      // (d) a failed hook leaves the file byte-identical; a successful one commits its flags.
      if (run.succeeded()) {
        SortedMap<String, JsonNode> committed = StateCodec.decode(after, file.toString()).flags();
        assertEquals(run.flags(), committed, "the committed flags are the hook's final flags");
        assertTrue(run.committed() || Arrays.equals(before, after));
      } else {
        assertFalse(run.committed(), "a failed hook commits nothing");
        assertArrayEquals(before, after, "a failed hook must leave the state file untouched");
      }
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(Set.of(".unit-state.json", ".unit-state.json.lock"),
            files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
            "no temporary file is left behind");
      }
      results.add(new HookResult(run, rec, after));
    }
    return results;
  }

  /**
   * Checks one hook run against the invariants and a reference model of the dispatch; returns a
   * label for the statistics.
   */
  static String checkDispatch(CharmSpec spec, String hookName, Set<String> initial, Recorder rec,
      HookRun run) {
    List<HandlerSpec> hs = spec.handlers();
    DispatchTrace trace = run.trace();
    assertNotNull(trace, () -> "no trace: " + run.error());

    // (a) no handler started while its condition was false.
    if (spec.retest() == RetestPolicy.ANY_CHANGE) {
      assertEquals(List.of(), rec.violations, "handlers started while their condition was false");
    }

    // (b) within each pass, starts are in increasing registration order, and the trace's passes
    // are exactly the starts that happened, in order.
    List<String> started = rec.starts.stream().map(s -> id(s.handler())).toList();
    assertEquals(started, trace.handlersRun(), "the trace's handlers are the ones that started");
    for (Pass pass : trace.passes()) {
      List<Integer> order = pass.ran().stream().map(DispatcherPropertiesTest::index).toList();
      for (int k = 1; k < order.size(); k++) {
        assertTrue(order.get(k - 1) < order.get(k),
            () -> "registration order broken in " + pass.phase() + " " + pass.iteration() + ": " + order);
      }
      assertEquals(hs.size(), pass.decisions().size(), "one decision per handler per pass");
    }

    // The reference model: replay the passes from the recorded starts.
    assertEquals(List.copyOf(initial), trace.initialFlags(), "the dispatch starts from the committed flags");
    assertEquals(Phase.HOOKS, trace.passes().get(0).phase(), "the hooks phase comes first");
    Set<String> flags = initial;
    Set<String> previousChanges = null; // null: iteration 0, every handler is considered
    int next = 0;
    boolean failed = false;
    List<Pass> passes = trace.passes();
    for (int p = 0; p < passes.size(); p++) {
      Pass pass = passes.get(p);
      assertTrue(p == 0 || pass.phase() == Phase.OTHER, "one hooks pass, then other passes");
      if (pass.phase() == Phase.OTHER) {
        assertEquals(p - 1, pass.iteration(), "iterations are numbered from 0");
      }
      List<Integer> expectedQueue = queue(hs, pass.phase(), flags,
          pass.phase() == Phase.HOOKS || pass.iteration() == 0 ? null : previousChanges, hookName);
      List<Integer> actualQueue = new ArrayList<>();
      for (int i = 0; i < hs.size(); i++) {
        if (pass.decisions().get(i).outcome() != Outcome.SKIPPED) {
          actualQueue.add(i);
        }
      }
      int pp = p;
      Set<String> f0 = flags;
      assertEquals(expectedQueue, actualQueue,
          () -> "pass " + pp + " queued the wrong handlers; flags at its start " + f0);

      Set<Integer> dropped = new java.util.HashSet<>();
      Set<String> changes = new TreeSet<>();
      for (int q = 0; q < expectedQueue.size(); q++) {
        int h = expectedQueue.get(q);
        Decision d = pass.decisions().get(h);
        if (dropped.contains(h)) {
          assertEquals(Outcome.DROPPED, d.outcome(), () -> id(h) + " should have been dropped");
          continue;
        }
        if (failed) {
          assertEquals(Outcome.NOT_REACHED, d.outcome(), "nothing starts after a failure");
          continue;
        }
        assertTrue(next < rec.starts.size(), () -> id(h) + " should have started");
        Start s = rec.starts.get(next++);
        assertEquals(h, s.handler(), "the next handler to start");
        if (spec.retest() == RetestPolicy.ANY_CHANGE) {
          assertTrue(s.conditionHeld());
        }
        flags = s.flagsAfter();
        changes.addAll(s.transitions());
        if (s.threw()) {
          assertEquals(Outcome.FAILED, d.outcome());
          failed = true;
          continue;
        }
        assertEquals(Outcome.RAN, d.outcome());
        if (spec.retest() == RetestPolicy.ANY_CHANGE || s.clearCalled()) {
          for (int later : expectedQueue.subList(q + 1, expectedQueue.size())) {
            if (!hs.get(later).holds(flags, hookName)) {
              dropped.add(later);
            }
          }
        }
      }
      if (failed) {
        assertEquals(passes.size() - 1, p, "a failure ends the dispatch");
      }
      previousChanges = changes;
    }
    assertEquals(rec.starts.size(), next, "every start is accounted for by the model");
    assertEquals(flags, run.flags().keySet(), "the hook's final flags are the model's");

    if (failed) {
      HandlerFailedException e = assertInstanceOf(HandlerFailedException.class,
          run.error().orElseThrow());
      assertEquals(id(spec.failingHandler()), e.handlerId());
      return "handler failed";
    }

    // (c) the loop quiesced, or stopped at the cap naming what still matches.
    List<Pass> other = passes.stream().filter(x -> x.phase() == Phase.OTHER).toList();
    assertFalse(other.isEmpty(), "the main loop ran at least once");
    assertTrue(other.size() <= spec.cap(), "no more iterations than the cap");
    for (Pass pass : other.subList(0, other.size() - 1)) {
      assertTrue(queuedAny(pass), "the loop went on after a pass that queued nothing");
    }
    Pass last = other.get(other.size() - 1);
    if (!queuedAny(last)) {
      assertEquals(List.of(), trace.capStillFiring());
      assertTrue(run.succeeded(), () -> "a quiesced hook succeeds: " + run.error());
      return "quiesced";
    }
    assertEquals(spec.cap(), other.size(), "the loop stopped before quiescence without reaching the cap");
    List<String> expectedStill = queue(hs, Phase.OTHER, flags, previousChanges, hookName).stream()
        .map(DispatcherPropertiesTest::id).toList();
    assertEquals(expectedStill, trace.capStillFiring(), "the handlers still matching at the cap");
    if (expectedStill.isEmpty()) {
      assertTrue(run.succeeded(), () -> "quiesced exactly at the cap: " + run.error());
      return "quiesced at the cap";
    }
    if (spec.strictCap()) {
      assertInstanceOf(IterationCapException.class, run.error().orElseThrow());
      return "cap (strict)";
    }
    assertTrue(run.succeeded(), () -> "a non-strict cap only warns: " + run.error());
    return "cap";
  }

  /** The handlers a pass queues, per the model: phase, flag watch after iteration 0, condition. */
  static List<Integer> queue(List<HandlerSpec> hs, Phase phase, Set<String> flags,
      Set<String> previousChanges, String hookName) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < hs.size(); i++) {
      HandlerSpec h = hs.get(i);
      if (h.phase() != phase) {
        continue;
      }
      if (previousChanges != null && !h.watched().isEmpty()
          && Collections.disjoint(h.watched(), previousChanges)) {
        continue;
      }
      if (h.holds(flags, hookName)) {
        out.add(i);
      }
    }
    return out;
  }

  static boolean queuedAny(Pass pass) {
    return pass.decisions().stream().anyMatch(d -> d.outcome() != Outcome.SKIPPED);
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
