package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.internal.FlagListener;
import charms.reactive.internal.FlagTable;
import charms.reactive.internal.UnitState;
import charms.reactive.state.MemoryStateStore;
import charms.reactive.state.StateDocument;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Triggers: the original's semantics, plus cycle detection (a cycle fails the hook, naming it). */
class TriggersTest {
  /** Transitions (from the flag listener) and callbacks, in the order they happened. */
  final List<String> events = new ArrayList<>();

  FlagTable table(StateDocument committed, Trigger... triggers) {
    FlagTable flags = new UnitState(committed, List.of(triggers)).flags();
    flags.addListener(new FlagListener() {
      @Override
      public void onTransition(String flag, boolean set) {
        events.add((set ? "set " : "clear ") + flag);
      }
    });
    return flags;
  }

  FlagTable table(Trigger... triggers) {
    return table(StateDocument.empty(), triggers);
  }

  static StateDocument withFlags(String... names) {
    TreeMap<String, com.fasterxml.jackson.databind.JsonNode> flags = new TreeMap<>();
    for (String n : names) {
      flags.put(n, NullNode.getInstance());
    }
    return new StateDocument(flags, new TreeMap<>(), new TreeMap<>());
  }

  Runnable record(String event) {
    return () -> events.add(event);
  }

  @Test
  void whenSetFiresOnlyOnTheNotSetToSetTransition() {
    FlagTable flags = table(Trigger.whenSet("a").run(record("cb")));
    flags.set("a");
    flags.set("a");
    flags.set("a", 5);
    flags.toggle("a", true);
    assertEquals(List.of("set a", "cb"), events);
    flags.clear("a");
    flags.set("a");
    assertEquals(List.of("set a", "cb", "clear a", "set a", "cb"), events);
  }

  @Test
  void whenClearedFiresOnlyOnTheSetToNotSetTransition() {
    FlagTable flags = table(Trigger.whenCleared("a").run(record("cb")));
    flags.clear("a");
    flags.toggle("a", false);
    assertEquals(List.of(), events, "clearing an unset flag fires nothing");
    flags.set("a");
    flags.clear("a");
    flags.clear("a");
    assertEquals(List.of("set a", "clear a", "cb"), events);
  }

  @Test
  void whenSetDoesNotFireOnClearAndWhenClearedDoesNotFireOnSet() {
    FlagTable flags = table(Trigger.whenSet("a").set("on"), Trigger.whenCleared("b").set("off"));
    flags.set("b");
    flags.clear("a");
    assertFalse(flags.isSet("on"));
    assertFalse(flags.isSet("off"));
  }

  @Test
  void aFlagSetInAnEarlierHookIsNotATransition() {
    FlagTable flags = table(withFlags("a"), Trigger.whenSet("a").set("x"));
    flags.set("a");
    assertFalse(flags.isSet("x"));
    assertEquals(List.of(), events);
  }

  @Test
  void actionsRunSetFlagsThenClearFlagsThenCallbacks() {
    FlagTable flags = table(withFlags("c1", "c2"),
        Trigger.whenSet("a").run(record("cb1")).andClear("c1").andSet("s1"));
    flags.set("a");
    assertEquals(List.of("set a", "set s1", "clear c1", "cb1"), events);
  }

  @Test
  void severalTriggersOfOneTransitionAreMergedInPhases() {
    // As in the original: the trigger record holds all set-flags, then all clear-flags, then all callbacks
    FlagTable flags = table(withFlags("c1", "c2"),
        Trigger.whenSet("a").set("s1").andClear("c1").andRun(record("cb1")),
        Trigger.whenSet("a").set("s2").andClear("c2").andRun(record("cb2")));
    flags.set("a");
    assertEquals(List.of("set a", "set s1", "set s2", "clear c1", "clear c2", "cb1", "cb2"), events);
  }

  @Test
  void triggersRegisteredDuringTheHookJoinThoseOfTheCharmInRegistrationOrder() {
    FlagTable flags = table(Trigger.whenSet("a").run(record("built")));
    flags.registerTrigger(Trigger.whenSet("a").run(record("registered")));
    flags.set("a");
    assertEquals(List.of("set a", "built", "registered"), events);
  }

  @Test
  void triggeredChangesCascadeDepthFirst() {
    FlagTable flags = table(withFlags("y", "d"),
        Trigger.whenSet("a").set("b").andClear("y"),
        Trigger.whenSet("b").set("c").andRun(record("cb b")),
        Trigger.whenSet("c").run(record("cb c")),
        Trigger.whenCleared("y").clear("d"),
        Trigger.whenCleared("d").run(record("cb d")));
    flags.set("a");
    // b's own triggers run inside the set of b, before a's clear-flags
    assertEquals(List.of("set a", "set b", "set c", "cb c", "cb b", "clear y", "clear d", "cb d"), events);
    assertEquals(List.of("a", "b", "c"), flags.list());
  }

  @Test
  void aTriggeredSetOfAnAlreadySetFlagCascadesNoFurther() {
    FlagTable flags = table(withFlags("b"),
        Trigger.whenSet("a").set("b"),
        Trigger.whenSet("b").run(record("cb b")));
    flags.set("a");
    assertEquals(List.of("set a"), events);
  }

  @Test
  void callbacksCanChangeFlagsAndThoseChangesFireTriggers() {
    FlagTable[] ref = new FlagTable[1];
    ref[0] = table(Trigger.whenSet("a").run(() -> ref[0].set("from-callback")),
        Trigger.whenSet("from-callback").run(record("cascaded")));
    ref[0].set("a");
    assertEquals(List.of("set a", "set from-callback", "cascaded"), events);
  }

  @Test
  void registeringATriggerForTheCurrentStateFiresNothing() {
    FlagTable flags = table(withFlags("on"));
    flags.registerTrigger(Trigger.whenSet("on").run(record("whenSet on")));
    flags.registerTrigger(Trigger.whenCleared("off").run(record("whenCleared off")));
    assertEquals(List.of(), events);
    flags.set("on");
    flags.clear("off");
    assertEquals(List.of(), events);
    flags.clear("on");
    assertEquals(List.of("clear on"), events);
    flags.set("on");
    assertEquals(List.of("clear on", "set on", "whenSet on"), events);
  }

  @Test
  void theSameTransitionMayFireAgainLaterWhenNotNested() {
    int[] count = new int[1];
    FlagTable flags = table(Trigger.whenSet("a").set("b").andRun(() -> count[0]++),
        Trigger.whenSet("b").clear("x"));
    for (int i = 0; i < 5; i++) {
      flags.set("a");
      flags.clear("a");
      flags.clear("b");
    }
    assertEquals(5, count[0]);
  }

  @Test
  void aTriggerThatUndoesItsOwnFlagIsNoCycle() {
    // when(a) -> clear a terminates in the original too: the clear has no trigger
    FlagTable flags = table(Trigger.whenSet("a").clear("a"));
    flags.set("a");
    assertFalse(flags.isSet("a"));
    assertEquals(List.of("set a", "clear a"), events);
  }

  @Test
  void aTwoTriggerCycleOnOneFlagFailsAndNamesTheTransitions() {
    FlagTable flags = table(Trigger.whenSet("a").clear("a"), Trigger.whenCleared("a").set("a"));
    TriggerCycleException e = assertThrows(TriggerCycleException.class, () -> flags.set("a"));
    assertEquals(List.of("set a", "clear a", "set a"), e.cycle());
    assertEquals("trigger cycle: set a -> clear a -> set a", e.getMessage());
  }

  @Test
  void aLongerCycleAcrossFlagsIsNamedFromWhereItCloses() {
    FlagTable flags = table(
        Trigger.whenSet("start").set("a"),
        Trigger.whenSet("a").set("b"),
        Trigger.whenSet("b").clear("a"),
        Trigger.whenCleared("a").clear("b"),
        Trigger.whenCleared("b").set("a"));
    TriggerCycleException e = assertThrows(TriggerCycleException.class, () -> flags.set("start"));
    assertEquals(List.of("set a", "set b", "clear a", "clear b", "set a"), e.cycle(),
        "the cycle starts at the transition it re-enters, not at the one that led into it");
    assertTrue(e.getMessage().contains("set a -> set b -> clear a -> clear b -> set a"), e.getMessage());
    assertFalse(e.getMessage().contains("start"), e.getMessage());
  }

  @Test
  void aCycleThroughCallbacksIsDetected() {
    FlagTable[] ref = new FlagTable[1];
    ref[0] = table(Trigger.whenSet("a").run(() -> ref[0].set("b")),
        Trigger.whenSet("b").run(() -> ref[0].clear("a")),
        Trigger.whenCleared("a").run(() -> ref[0].set("a")));
    TriggerCycleException e = assertThrows(TriggerCycleException.class, () -> ref[0].set("a"));
    assertEquals(List.of("set a", "set b", "clear a", "set a"), e.cycle());
  }

  @Test
  void aDetectedCycleLeavesNoStaleFiringState() {
    FlagTable flags = table(Trigger.whenSet("a").clear("a"), Trigger.whenCleared("a").set("a"),
        Trigger.whenSet("p").set("q"));
    assertThrows(TriggerCycleException.class, () -> flags.set("a"));
    // unrelated transitions still work, and p->q is not mistaken for a cycle
    flags.set("p");
    assertTrue(flags.isSet("q"));
    flags.clear("p");
    flags.clear("q");
    flags.set("p");
    assertTrue(flags.isSet("q"));
  }

  @Test
  void aTriggerWithNoActionIsRejected() {
    IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
        () -> new Trigger("a", true, List.of(), List.of(), List.of()));
    assertTrue(direct.getMessage().contains("'a'"), direct.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Trigger.whenSet("a").set());
    assertThrows(IllegalArgumentException.class, () -> Trigger.whenCleared("a").clear());
  }

  @Test
  void aTriggerNamingAnInvalidFlagIsRejectedWhenTheCharmIsBuilt() {
    InvalidFlagException onFlag = assertThrows(InvalidFlagException.class,
        () -> ReactiveCharm.builder().trigger(Trigger.whenSet("bad flag").set("x")).build());
    assertEquals("bad flag", onFlag.flag());
    InvalidFlagException inAction = assertThrows(InvalidFlagException.class,
        () -> ReactiveCharm.builder().trigger(Trigger.whenSet("ok").clear("x", "\tx")).build());
    assertEquals("\tx", inAction.flag());
  }

  @Test
  void triggerListsAreCopies() {
    List<String> set = new ArrayList<>(List.of("x"));
    Trigger t = new Trigger("a", true, set, List.of(), List.of());
    set.add("y");
    assertEquals(List.of("x"), t.setFlags());
    Trigger more = t.andSet("z").andClear("w");
    assertEquals(List.of("x"), t.setFlags(), "andSet returns a copy");
    assertEquals(List.of("x", "z"), more.setFlags());
    assertEquals(List.of("w"), more.clearFlags());
    assertTrue(more.onSet());
    assertEquals("a", more.flag());
  }

  // ---- through a hook ----

  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();

  static StateDocument doc(Map<String, String> data, String... flags) {
    TreeMap<String, com.fasterxml.jackson.databind.JsonNode> d = new TreeMap<>();
    data.forEach((k, v) -> d.put(k, com.fasterxml.jackson.databind.node.TextNode.valueOf(v)));
    return new StateDocument(withFlags(flags).flags(), d, new TreeMap<>());
  }

  @Test
  void charmTriggersFireForHandlerChangesAndTheHandlersSeeTheResult() {
    ReactiveCharm c = charm(store, log)
        .trigger(Trigger.whenSet("config.changed.source").clear("apt.configured"))
        .handler(Handler.named("change").hook("config-changed").invoke(ctx -> ctx.flags().set("config.changed.source")),
            Handler.named("configure").whenNot("apt.configured").invoke(ctx -> ctx.flags().set("apt.configured")))
        .build();
    store.commit(doc(Map.of(), "apt.configured"));
    HookRun run = c.execute(hook("config-changed"));
    assertTrue(run.succeeded(), () -> run.error().toString());
    assertEquals(List.of("change", "configure"), run.handlersRun());
    assertTrue(store.committed().flags().containsKey("apt.configured"));
  }

  @Test
  void triggersRegisteredDuringAHookLastForThatHookOnly() {
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("register").hook("install").invoke(ctx ->
            ctx.flags().registerTrigger(Trigger.whenSet("z").set("w"))),
        Handler.named("setz").hook("install", "upgrade-charm").invoke(ctx -> ctx.flags().set("z"))).build();
    assertTrue(c.execute(hook("install")).succeeded());
    assertTrue(store.committed().flags().containsKey("w"));

    store.commit(doc(Map.of()));
    assertTrue(c.execute(hook("upgrade-charm")).succeeded());
    assertEquals(List.of("z"), List.copyOf(store.committed().flags().keySet()),
        "the trigger registered in the install hook is gone");
  }

  @Test
  void aHookWhoseTriggersCycleFailsAndCommitsNothing() {
    ReactiveCharm c = charm(store, log)
        .trigger(Trigger.whenSet("a").clear("a"))
        .trigger(Trigger.whenCleared("a").set("a"))
        .handler(Handler.named("first").whenNot("done").invoke(ctx -> {
          ctx.flags().set("done");
          ctx.data().set("k", "changed");
        }),
            Handler.named("cycler").when("done").invoke(ctx -> ctx.flags().set("a"))).build();
    store.commit(doc(Map.of("k", "orig"), "keep"));
    byte[] before = store.committedBytes();

    HookRun run = c.execute(hook("install"));

    assertEquals(1, run.exitCode());
    assertFalse(run.committed());
    Throwable t = run.error().orElseThrow();
    assertInstanceOf(HandlerFailedException.class, t);
    TriggerCycleException cycle = assertInstanceOf(TriggerCycleException.class, t.getCause());
    assertEquals(List.of("set a", "clear a", "set a"), cycle.cycle());
    assertEquals(1, store.commits(), "only the setup commit");
    assertArrayEquals(before, store.committedBytes());
    assertTrue(log.at(LogLevel.ERROR).get(0).contains("trigger cycle: set a -> clear a -> set a"),
        log.lines::toString);
  }

  @Test
  void aCycleInAStartCallbackFailsTheHookBeforeAnyHandler() {
    List<String> ran = new ArrayList<>();
    ReactiveCharm c = charm(store, log)
        .trigger(Trigger.whenSet("a").set("b"))
        .trigger(Trigger.whenSet("b").clear("a"))
        .trigger(Trigger.whenCleared("a").set("a"))
        .onStart(ctx -> ctx.flags().set("a"))
        .handler(Handler.named("h").whenNot("zzz").invoke(ctx -> ran.add("h"))).build();
    HookRun run = c.execute(hook("install"));
    assertEquals(1, run.exitCode());
    TriggerCycleException e = assertInstanceOf(TriggerCycleException.class, run.error().orElseThrow());
    assertEquals(List.of("set a", "set b", "clear a", "set a"), e.cycle());
    assertEquals(List.of(), ran);
    assertEquals(0, store.commits());
  }
}
