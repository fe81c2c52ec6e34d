package charms.reactive.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.state.StateDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Dirty means different from the loaded state, not "something was called". */
class UnitStateTest {
  static UnitState loaded() {
    TreeMap<String, JsonNode> flags = new TreeMap<>(Map.of("a", NullNode.getInstance()));
    TreeMap<String, JsonNode> framework = new TreeMap<>(Map.of("juju:x", TextNode.valueOf("1")));
    return new UnitState(new StateDocument(flags, new TreeMap<>(), framework), List.of());
  }

  @Test
  void aFlagClearedAndSetAgainIsNoChange() {
    UnitState state = loaded();
    state.flags().clear("a");
    state.flags().set("a");
    assertFalse(state.isDirty());
    state.flags().set("b");
    state.flags().clear("b");
    assertFalse(state.isDirty());
  }

  @Test
  void aRecordRewrittenWithAnotherValueAndBackIsNoChange() {
    UnitState state = loaded();
    state.records("juju").set("x", "2");
    assertTrue(state.isDirty());
    state.records("juju").set("x", "1");
    assertFalse(state.isDirty());
  }

  @Test
  void realChangesAreDirty() {
    UnitState flagSet = loaded();
    flagSet.flags().set("b");
    assertTrue(flagSet.isDirty());
    UnitState flagValue = loaded();
    flagValue.flags().set("a", "value");
    assertTrue(flagValue.isDirty());
    UnitState data = loaded();
    data.data().set("k", 1);
    assertTrue(data.isDirty());
  }
}
