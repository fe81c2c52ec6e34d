package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.internal.FlagListener;
import charms.reactive.internal.FlagTable;
import charms.reactive.internal.UnitState;
import charms.reactive.state.MemoryStateStore;
import charms.reactive.state.StateDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Flags}: storage, values, queries and name validation (the original's, plus name validation). */
class FlagsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  final List<String> transitions = new ArrayList<>();

  /** A fresh transaction over {@code committed}, recording every real transition. */
  FlagTable table(StateDocument committed) {
    FlagTable flags = new UnitState(committed, List.of()).flags();
    flags.addListener(new FlagListener() {
      @Override
      public void onTransition(String flag, boolean set) {
        transitions.add((set ? "set " : "clear ") + flag);
      }
    });
    return flags;
  }

  FlagTable table() {
    return table(StateDocument.empty());
  }

  static StateDocument withFlags(Map<String, JsonNode> flags) {
    return new StateDocument(new TreeMap<>(flags), new TreeMap<>(), new TreeMap<>());
  }

  @Test
  void setWithoutValueHoldsJsonNull() {
    FlagTable flags = table();
    assertFalse(flags.isSet("a"));
    flags.set("a");
    assertTrue(flags.isSet("a"));
    assertEquals(Optional.of(NullNode.getInstance()), flags.value("a"));
    assertEquals(List.of("set a"), transitions);
  }

  @Test
  void setWithValueConvertsToJson() throws Exception {
    FlagTable flags = table();
    flags.set("rel", Map.of("relation", "db", "conversations", List.of("reactive.conversations.db.global")));
    flags.set("num", 42);
    flags.set("node", JSON.readTree("[1,\"two\",{\"three\":3}]"));
    flags.set("nul", null);

    assertEquals(JSON.readTree("{\"conversations\":[\"reactive.conversations.db.global\"],\"relation\":\"db\"}"),
        flags.value("rel").orElseThrow());
    assertEquals(IntNode.valueOf(42), flags.value("num").orElseThrow());
    assertEquals(JSON.readTree("[1,\"two\",{\"three\":3}]"), flags.value("node").orElseThrow());
    assertEquals(NullNode.getInstance(), flags.value("nul").orElseThrow());
    assertEquals(List.of("set rel", "set num", "set node", "set nul"), transitions);
  }

  @Test
  void aValueThatCannotBeJsonIsRejectedAndSetsNothing() {
    FlagTable flags = table();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> flags.set("bad", new Object()));
    assertTrue(e.getMessage().contains("bad"), e.getMessage());
    assertFalse(flags.isSet("bad"));
    assertEquals(List.of(), transitions);
  }

  @Test
  void replacingTheValueOfASetFlagIsNotATransition() {
    List<String> fired = new ArrayList<>();
    FlagTable flags = table();
    flags.registerTrigger(Trigger.whenSet("a").run(() -> fired.add("a set")));
    flags.set("a", 1);
    flags.set("a", 2);
    flags.set("a");
    flags.set("a", Map.of("k", "v"));

    assertEquals(List.of("a set"), fired, "the trigger fires for the first set only");
    assertEquals(List.of("set a"), transitions, "value replacement is no transition");
    assertEquals(Map.of("k", "v"), JSON.convertValue(flags.value("a").orElseThrow(), Map.class));
  }

  @Test
  void replacingAValueOfAFlagSetInAnEarlierHookFiresNothing() {
    List<String> fired = new ArrayList<>();
    FlagTable flags = table(withFlags(Map.of("a", NullNode.getInstance())));
    flags.registerTrigger(Trigger.whenSet("a").set("b"));
    flags.registerTrigger(Trigger.whenSet("a").run(() -> fired.add("fired")));
    flags.set("a", "new value");
    assertEquals(List.of(), fired);
    assertFalse(flags.isSet("b"));
    assertEquals(List.of(), transitions);
    assertEquals("new value", flags.value("a").orElseThrow().asText());
  }

  @Test
  void valueChangesMarkTheStateDirtyButARepeatedEqualValueDoesNot() {
    UnitState state = new UnitState(withFlags(Map.of("a", IntNode.valueOf(1))), List.of());
    state.flags().set("a", 1);
    assertFalse(state.isDirty(), "the same value again changes nothing");
    state.flags().clear("never-set");
    assertFalse(state.isDirty(), "clearing a flag that is not set changes nothing");
    state.flags().set("a", 2);
    assertTrue(state.isDirty());
    assertEquals(IntNode.valueOf(2), state.toDocument().flags().get("a"));
  }

  @Test
  void clearRemovesTheFlagAndItsValue() {
    FlagTable flags = table(withFlags(Map.of("a", IntNode.valueOf(7), "b", NullNode.getInstance())));
    flags.clear("a");
    assertFalse(flags.isSet("a"));
    assertEquals(Optional.empty(), flags.value("a"));
    assertTrue(flags.isSet("b"));
    flags.clear("a");
    flags.clear("never");
    assertEquals(List.of("clear a"), transitions, "clearing an unset flag is no transition");
    flags.set("a");
    assertEquals(Optional.of(NullNode.getInstance()), flags.value("a"), "the old value is gone");
  }

  @Test
  void toggleSetsOrClears() {
    FlagTable flags = table();
    flags.toggle("t", true);
    assertTrue(flags.isSet("t"));
    assertEquals(Optional.of(NullNode.getInstance()), flags.value("t"));
    flags.toggle("t", true);
    flags.toggle("t", false);
    assertFalse(flags.isSet("t"));
    flags.toggle("t", false);
    assertEquals(List.of("set t", "clear t"), transitions);
  }

  @Test
  void toggleToSetResetsTheValueLikeTheOriginal() {
    // As in the original: toggle_flag calls set_flag(flag) with value None
    FlagTable flags = table(withFlags(Map.of("t", IntNode.valueOf(5))));
    flags.toggle("t", true);
    assertEquals(Optional.of(NullNode.getInstance()), flags.value("t"));
  }

  @Test
  void allSetAndAnySet() {
    FlagTable flags = table();
    flags.set("a");
    flags.set("b");
    assertTrue(flags.allSet(), "all_flags_set() with no flags is true");
    assertFalse(flags.anySet(), "any_flags_set() with no flags is false");
    assertTrue(flags.allSet("a"));
    assertTrue(flags.allSet("a", "b"));
    assertFalse(flags.allSet("a", "c"));
    assertFalse(flags.allSet("c", "a"));
    assertTrue(flags.anySet("c", "b"));
    assertTrue(flags.anySet("a"));
    assertFalse(flags.anySet("c", "d"));
    assertTrue(flags.isSet("a"));
    assertFalse(flags.isSet("A"), "names are case-sensitive");
  }

  @Test
  void allSetAndAnySetOnAnEmptyTable() {
    FlagTable flags = table();
    assertTrue(flags.allSet());
    assertFalse(flags.anySet());
    assertFalse(flags.allSet("x"));
    assertFalse(flags.anySet("x"));
  }

  @Test
  void listIsSortedByCodePoint() {
    FlagTable flags = table();
    for (String f : List.of("b", "a.b", "B", "a", "a-b", "z.z", "\u00e9t\u00e9", "1")) {
      flags.set(f);
    }
    assertEquals(List.of("1", "B", "a", "a-b", "a.b", "b", "z.z", "\u00e9t\u00e9"), flags.list());
    flags.clear("a");
    assertEquals(List.of("1", "B", "a-b", "a.b", "b", "z.z", "\u00e9t\u00e9"), flags.list());
  }

  @Test
  void listIsACopy() {
    FlagTable flags = table();
    flags.set("a");
    List<String> before = flags.list();
    flags.set("b");
    assertEquals(List.of("a"), before);
  }

  @Test
  void unsetIsSortedAndDeduplicated() {
    FlagTable flags = table();
    flags.set("set1");
    flags.set("set2");
    assertEquals(List.of("a", "m", "z"), flags.unset("z", "set1", "a", "z", "m", "a", "set2"));
    assertEquals(List.of(), flags.unset("set1", "set2"));
    assertEquals(List.of(), flags.unset());
  }

  @Test
  void valueOfAnUnsetFlagIsEmpty() {
    assertEquals(Optional.empty(), table().value("nope"));
  }

  @Test
  void flagsComeFromTheCommittedStateAndChangesReachTheDocument() {
    UnitState state = new UnitState(withFlags(Map.of("old", IntNode.valueOf(3))), List.of());
    assertEquals(Optional.of(IntNode.valueOf(3)), state.flags().value("old"));
    state.flags().set("new", "v");
    state.flags().clear("old");
    StateDocument doc = state.toDocument();
    assertEquals(List.of("new"), List.copyOf(doc.flags().keySet()));
    assertEquals("v", doc.flags().get("new").asText());
  }

  @Test
  void flagsSetInOneHookAreSeenByTheNext() {
    MemoryStateStore store = new MemoryStateStore();
    RecordingLog log = new RecordingLog();
    List<List<String>> seen = new ArrayList<>();
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("look").hook("install", "update-status").invoke(ctx -> seen.add(ctx.flags().list())),
        Handler.named("setter").whenNot("a").invoke(ctx -> ctx.flags().set("a", List.of(1, 2)))).build();
    assertTrue(c.execute(hook("install")).succeeded());
    assertTrue(c.execute(hook("update-status")).succeeded());
    assertEquals(List.of(List.of(), List.of("a")), seen);
    assertEquals("[1,2]", store.committed().flags().get("a").toString());
  }

  // ---- name validation (the original accepted any string) ----

  static Stream<String> invalidNames() {
    return Stream.of("", " ", "has space", " lead", "trail ", "tab\there", "new\nline", "cr\rx",
        "nul\u0000x", "bell\u0007x", "del\u007fx", "nbsp\u00a0x", "em\u2003space", "line\u2028sep",
        "{endpoint_name}", "{endpoint_name}.joined", "endpoint.{endpoint_name}.available");
  }

  static Stream<Arguments> invalidNamesWithOperations() {
    return invalidNames().flatMap(name -> Stream.of(
        Arguments.of(name, "set", (Consumer<FlagTable>) f -> f.set(name)),
        Arguments.of(name, "set(value)", (Consumer<FlagTable>) f -> f.set(name, 1)),
        Arguments.of(name, "clear", (Consumer<FlagTable>) f -> f.clear(name)),
        Arguments.of(name, "toggle(true)", (Consumer<FlagTable>) f -> f.toggle(name, true)),
        Arguments.of(name, "toggle(false)", (Consumer<FlagTable>) f -> f.toggle(name, false)),
        Arguments.of(name, "isSet", (Consumer<FlagTable>) f -> f.isSet(name)),
        Arguments.of(name, "allSet", (Consumer<FlagTable>) f -> f.allSet("ok", name)),
        Arguments.of(name, "anySet", (Consumer<FlagTable>) f -> f.anySet("ok", name)),
        Arguments.of(name, "unset", (Consumer<FlagTable>) f -> f.unset("ok", name)),
        Arguments.of(name, "value", (Consumer<FlagTable>) f -> f.value(name)),
        Arguments.of(name, "trigger on", (Consumer<FlagTable>) f -> f.registerTrigger(Trigger.whenSet(name).set("ok2"))),
        Arguments.of(name, "trigger sets", (Consumer<FlagTable>) f -> f.registerTrigger(Trigger.whenSet("ok").set(name))),
        Arguments.of(name, "trigger clears", (Consumer<FlagTable>) f -> f.registerTrigger(Trigger.whenCleared("ok").clear(name)))));
  }

  /** How {@link InvalidFlagException} renders a name: control and non-space whitespace escaped. */
  static String rendered(String flag) {
    StringBuilder out = new StringBuilder("'");
    flag.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ') {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('\'').toString();
  }

  @ParameterizedTest(name = "[{index}] {1} \"{0}\"")
  @MethodSource("invalidNamesWithOperations")
  void invalidNamesAreRejectedByEveryOperation(String name, String operation, Consumer<FlagTable> op) {
    FlagTable flags = table();
    flags.set("ok");
    InvalidFlagException e = assertThrows(InvalidFlagException.class, () -> op.accept(flags),
        operation + " accepted an invalid flag name");
    assertEquals(name, e.flag());
    assertTrue(e.getMessage().contains(rendered(name)), e.getMessage());
    assertEquals(List.of("ok"), flags.list(), "a rejected call changes nothing");
    assertEquals(List.of("set ok"), transitions);
  }

  @Test
  void messagesNameTheFlagReadably() {
    FlagTable flags = table();
    InvalidFlagException space = assertThrows(InvalidFlagException.class, () -> flags.set("has space"));
    assertTrue(space.getMessage().contains("'has space'"), space.getMessage());
    InvalidFlagException tab = assertThrows(InvalidFlagException.class, () -> flags.set("a\tb"));
    assertTrue(tab.getMessage().contains("'a\\u0009b'"), tab.getMessage());
    assertFalse(tab.getMessage().contains("\t"), "the control character itself is not printed");
    InvalidFlagException empty = assertThrows(InvalidFlagException.class, () -> flags.set(""));
    assertTrue(empty.getMessage().contains("''"), empty.getMessage());
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    InvalidFlagException placeholder = assertThrows(InvalidFlagException.class,
        () -> flags.set("{endpoint_name}.joined"));
    assertTrue(placeholder.getMessage().contains("'{endpoint_name}.joined'"), placeholder.getMessage());
    InvalidFlagException nul = assertThrows(InvalidFlagException.class, () -> flags.set(null));
    assertNotNull(nul.getMessage());
  }

  @Test
  void aFlagNameBeyondTheLimitIsRejectedWithAShortMessage() {
    FlagTable flags = table();
    flags.set("f".repeat(charms.reactive.internal.FlagNames.MAX_LENGTH));
    InvalidFlagException huge = assertThrows(InvalidFlagException.class,
        () -> flags.set("g".repeat(1_000_000)));
    assertTrue(huge.getMessage().contains("limited to 1024 characters; this one has 1000000"),
        huge.getMessage());
    assertTrue(huge.getMessage().length() < 400, "the message quotes only the name's start");
    assertEquals(1, flags.list().size(), "the long name was not set");
  }

  @Test
  void punctuationAndNonAsciiLettersAreValidNames() {
    FlagTable flags = table();
    List<String> names = List.of("endpoint.db.joined", "config.changed.install_sources", "a:b/c",
        "{not_the_placeholder}", "leadership.set.key-1", "\u00e9t\u00e9", "\u65e5\u672c", "x%y_z");
    names.forEach(flags::set);
    assertTrue(flags.allSet(names.toArray(String[]::new)));
  }

  @Test
  void anInvalidFlagInAHandlerFailsTheHookAndCommitsNothing() {
    MemoryStateStore store = new MemoryStateStore();
    ReactiveCharm c = charm(store, new RecordingLog()).handler(
        Handler.named("bad").whenNot("x").invoke(ctx -> {
          ctx.flags().set("x");
          ctx.flags().set("two words");
        })).build();
    HookRun run = c.execute(hook("install"));
    assertEquals(1, run.exitCode());
    Throwable cause = run.error().orElseThrow();
    while (!(cause instanceof InvalidFlagException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    InvalidFlagException e = assertThrowsType(cause);
    assertEquals("two words", e.flag());
    assertEquals(0, store.commits());
  }

  private static InvalidFlagException assertThrowsType(Throwable t) {
    assertTrue(t instanceof InvalidFlagException, () -> "expected InvalidFlagException, got " + t);
    return (InvalidFlagException) t;
  }
}
