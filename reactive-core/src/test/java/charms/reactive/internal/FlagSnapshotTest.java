package charms.reactive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.InvalidFlagException;
import charms.reactive.StateSnapshot;
import charms.reactive.state.StateDocument;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The flags frozen for a pass: immutable, sorted, readable as flags, and copied once per change. */
class FlagSnapshotTest {
  final FlagTable flags = new UnitState(StateDocument.empty(), List.of()).flags();

  @Test
  void laterChangesDoNotShowInASnapshot() {
    flags.set("b", 2);
    FlagSnapshot before = flags.snapshot();
    flags.set("a");
    flags.clear("b");
    assertEquals(List.of("b"), before.list());
    assertTrue(before.isSet("b"));
    assertFalse(before.isSet("a"));
    assertEquals(IntNode.valueOf(2), before.value("b").orElseThrow());
    assertEquals(List.of("a"), flags.snapshot().list());
  }

  @Test
  void theTableHandsOutOneSnapshotUntilAFlagChanges() {
    flags.set("a");
    FlagSnapshot first = flags.snapshot();
    assertSame(first, flags.snapshot(), "nothing changed: no new copy");
    flags.set("a"); // same value: no change
    flags.clear("missing"); // clears nothing
    assertSame(first, flags.snapshot());
    flags.set("a", 1); // another value
    FlagSnapshot second = flags.snapshot();
    assertNotSame(first, second);
    flags.clear("a");
    assertNotSame(second, flags.snapshot());
  }

  @Test
  void aStateSnapshotKeepsTheFrozenFlagsWithoutCopyingThem() {
    flags.set("a");
    FlagSnapshot frozen = flags.snapshot();
    StateSnapshot s = new StateSnapshot("install", charms.reactive.Phase.OTHER, 0, frozen, Set.of(),
        List.of(), null);
    assertSame(frozen, s.flags());
    // any other map is copied, so the record stays immutable
    TreeMap<String, com.fasterxml.jackson.databind.JsonNode> mutable = new TreeMap<>(Map.of("x",
        NullNode.getInstance()));
    StateSnapshot copied = new StateSnapshot("install", charms.reactive.Phase.OTHER, 0, mutable,
        Set.of(), List.of(), null);
    mutable.put("y", NullNode.getInstance());
    assertEquals(Set.of("x"), copied.flags().keySet());
  }

  @Test
  void itIsASortedUnmodifiableMapEqualToItsContent() {
    flags.set("c");
    flags.set("a", 1);
    flags.set("b");
    FlagSnapshot s = flags.snapshot();
    assertEquals(List.of("a", "b", "c"), List.copyOf(s.keySet()), "iterated in name order");
    assertEquals("a", s.firstKey());
    assertEquals(Set.of("b", "c"), s.tailMap("b").keySet());
    TreeMap<String, Object> same = new TreeMap<>(Map.of("a", IntNode.valueOf(1), "b",
        NullNode.getInstance(), "c", NullNode.getInstance()));
    assertEquals(same, s);
    assertEquals(s, same);
    assertEquals(same.hashCode(), s.hashCode());
    assertThrows(UnsupportedOperationException.class, () -> s.put("d", NullNode.getInstance()));
    assertThrows(UnsupportedOperationException.class, () -> s.remove("a"));
    assertThrows(UnsupportedOperationException.class, () -> s.keySet().remove("a"));
    assertThrows(UnsupportedOperationException.class, s::clear);
  }

  @Test
  void itAnswersFlagQuestionsLikeTheTable() {
    flags.set("a");
    flags.set("b");
    FlagSnapshot s = flags.snapshot();
    assertEquals(flags.allSet("a", "b"), s.allSet("a", "b"));
    assertEquals(flags.allSet("a", "x"), s.allSet("a", "x"));
    assertEquals(flags.anySet("x", "b"), s.anySet("x", "b"));
    assertEquals(flags.anySet(), s.anySet());
    assertEquals(flags.allSet(), s.allSet());
    assertEquals(List.of("x", "y"), s.unset("y", "a", "x", "y"));
    InvalidFlagException bad = assertThrows(InvalidFlagException.class, () -> s.isSet("a b"));
    assertTrue(bad.getMessage().contains("a b"), bad.getMessage());
    assertThrows(InvalidFlagException.class, () -> s.allSet("a", ""));
  }
}
