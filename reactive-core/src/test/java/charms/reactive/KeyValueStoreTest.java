package charms.reactive;

import static charms.reactive.TestCharms.charm;
import static charms.reactive.TestCharms.hook;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.TestCharms.RecordingLog;
import charms.reactive.internal.UnitState;
import charms.reactive.state.MemoryStateStore;
import charms.reactive.state.StateDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The charm's key/value data ({@link HookContext#data()}): literal prefixes, types, transactions. */
class KeyValueStoreTest {
  static final ObjectMapper JSON = new ObjectMapper();

  final UnitState state = new UnitState(StateDocument.empty(), List.of());
  final KeyValueStore kv = state.data();

  @Test
  void getSetUnset() {
    assertEquals(Optional.empty(), kv.get("k"));
    kv.set("k", "v");
    assertEquals(Optional.of(TextNode.valueOf("v")), kv.get("k"));
    kv.set("k", 3);
    assertEquals(Optional.of(IntNode.valueOf(3)), kv.get("k"), "set replaces");
    kv.set("n", null);
    assertEquals(Optional.of(NullNode.getInstance()), kv.get("n"), "null is stored as JSON null");
    kv.unset("k");
    assertEquals(Optional.empty(), kv.get("k"));
    kv.unset("k");
    kv.unset("never");
    assertEquals(List.of("n"), List.copyOf(kv.getByPrefix("").keySet()));
  }

  @Test
  void structuredValuesAreStoredAsJson() throws Exception {
    kv.set("m", Map.of("b", List.of(1, 2), "a", true));
    assertEquals(JSON.readTree("{\"a\":true,\"b\":[1,2]}"), kv.get("m").orElseThrow());
    JsonNode node = JSON.readTree("{\"x\":[null,\"y\"]}");
    kv.set("node", node);
    assertEquals(node, kv.get("node").orElseThrow());
  }

  @Test
  void keysAreCaseSensitive() {
    kv.set("Key", 1);
    kv.set("key", 2);
    assertEquals(1, kv.get("Key", Integer.class).orElseThrow());
    assertEquals(2, kv.get("key", Integer.class).orElseThrow());
    assertEquals(Optional.empty(), kv.get("KEY"));
  }

  @Test
  void getByPrefixIsLiteralUnderscoreAndPercentAreNotWildcards() {
    for (String k : List.of("a_b.1", "axb.2", "a_b", "a%.3", "a%", "aXYZ.4", "abc.5", "A_b.6", "a_", "b_b")) {
      kv.set(k, k);
    }
    // SQLite LIKE 'a_b%' would also match axb.2 and A_b.6, as the original's prefix did
    assertEquals(List.of("a_b", "a_b.1"), List.copyOf(kv.getByPrefix("a_b").keySet()));
    // LIKE 'a%%' would match everything starting with a or A
    assertEquals(List.of("a%", "a%.3"), List.copyOf(kv.getByPrefix("a%").keySet()));
    assertEquals(List.of("a_", "a_b", "a_b.1"), List.copyOf(kv.getByPrefix("a_").keySet()));
    assertEquals(List.of("A_b.6"), List.copyOf(kv.getByPrefix("A").keySet()), "case-sensitive");
    assertEquals(List.of(), List.copyOf(kv.getByPrefix("_").keySet()));
    assertEquals(List.of(), List.copyOf(kv.getByPrefix("%").keySet()));
    assertEquals(List.of(), List.copyOf(kv.getByPrefix("A_B").keySet()));
  }

  @Test
  void getByPrefixKeepsKeysAndValuesAndIsSorted() {
    kv.set("reactive.x.b", 2);
    kv.set("reactive.x.a", 1);
    kv.set("reactive.y", 3);
    kv.set("reactive.x", 0);
    SortedMap<String, JsonNode> got = kv.getByPrefix("reactive.x");
    assertEquals(List.of("reactive.x", "reactive.x.a", "reactive.x.b"), List.copyOf(got.keySet()),
        "keys are not stripped and come sorted");
    assertEquals(IntNode.valueOf(1), got.get("reactive.x.a"));
    assertEquals(4, kv.getByPrefix("").size());
    assertEquals(0, kv.getByPrefix("reactive.z").size());
  }

  @Test
  void getByPrefixWorksAroundTheEdgesOfTheSortOrder() {
    // keys sorting just before, at and after the prefix range
    kv.set("ab", 1);
    kv.set("ab ", 2);
    kv.set("ab\uffff", 3);
    kv.set("ac", 4);
    kv.set("aa\uffff", 5);
    assertEquals(List.of("ab", "ab ", "ab\uffff"), List.copyOf(kv.getByPrefix("ab").keySet()));
  }

  @Test
  void getByPrefixIsASnapshot() {
    kv.set("p.1", 1);
    SortedMap<String, JsonNode> got = kv.getByPrefix("p.");
    kv.set("p.2", 2);
    kv.unset("p.1");
    assertEquals(List.of("p.1"), List.copyOf(got.keySet()));
  }

  @Test
  void typedGetConvertsValues() {
    kv.set("port", 8080);
    kv.set("name", "web");
    kv.set("on", true);
    kv.set("list", List.of("a", "b"));
    kv.set("map", Map.of("x", 1));
    kv.set("nothing", null);
    assertEquals(Optional.of(8080), kv.get("port", Integer.class));
    assertEquals(Optional.of(8080L), kv.get("port", Long.class));
    assertEquals(Optional.of("web"), kv.get("name", String.class));
    assertEquals(Optional.of(true), kv.get("on", Boolean.class));
    assertEquals(Optional.of(List.of("a", "b")), kv.get("list", List.class));
    assertEquals(Optional.of(Map.of("x", 1)), kv.get("map", Map.class));
    assertEquals(Optional.empty(), kv.get("missing", String.class));
    assertEquals(Optional.empty(), kv.get("nothing", String.class), "JSON null reads as empty");
  }

  @Test
  void typedGetOfTheWrongTypeNamesTheKey() {
    kv.set("the-name", "not a number");
    kv.set("the-map", Map.of("x", 1));
    kv.set("the-list", List.of(1, 2));
    IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class,
        () -> kv.get("the-name", Integer.class));
    assertTrue(e1.getMessage().contains("the-name"), e1.getMessage());
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> kv.get("the-map", List.class));
    assertTrue(e2.getMessage().contains("the-map"), e2.getMessage());
    IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
        () -> kv.get("the-list", Integer.class));
    assertTrue(e3.getMessage().contains("the-list"), e3.getMessage());
    IllegalArgumentException e4 = assertThrows(IllegalArgumentException.class,
        () -> kv.get("the-map", Boolean.class));
    assertTrue(e4.getMessage().contains("the-map"), e4.getMessage());
    assertEquals("not a number", kv.get("the-name", String.class).orElseThrow(), "the value is untouched");
  }

  @Test
  void emptyKeysAreRejected() {
    assertThrows(InvalidKeyException.class, () -> kv.set("", 1));
    assertThrows(InvalidKeyException.class, () -> kv.get(""));
    assertThrows(InvalidKeyException.class, () -> kv.get("", String.class));
    assertThrows(InvalidKeyException.class, () -> kv.unset(""));
    assertEquals(0, kv.getByPrefix("").size());
  }

  @Test
  void keysWithControlCharactersOrBeyondTheLimitAreRejectedByName() {
    InvalidKeyException newline = assertThrows(InvalidKeyException.class, () -> kv.set("a\nb", 1));
    assertEquals("invalid data key 'a\\u000ab': control character at index 1", newline.getMessage());
    assertThrows(InvalidKeyException.class, () -> kv.set("nul\u0000", 1));
    kv.set("k".repeat(KeyValueStore.MAX_KEY_LENGTH), 1);
    InvalidKeyException longKey = assertThrows(InvalidKeyException.class,
        () -> kv.set("k".repeat(200_000), 1));
    assertTrue(longKey.getMessage().contains("limited to 4096 characters; this one has 200000"),
        longKey.getMessage());
    assertTrue(longKey.getMessage().length() < 300, "the message quotes only the key's start");
    assertEquals(1, kv.getByPrefix("").size(), "nothing rejected was stored");
  }

  @Test
  void aValueThatCannotBeJsonIsRejectedNamingTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kv.set("opaque", new Object()));
    assertTrue(e.getMessage().contains("opaque"), e.getMessage());
    assertEquals(Optional.empty(), kv.get("opaque"));
  }

  @Test
  void charmDataAndFrameworkRecordsDoNotSeeEachOther() {
    KeyValueStore records = state.records("once");
    records.set("h", true);
    kv.set("once:h", "charm's own key");
    assertEquals(List.of("once:h"), List.copyOf(kv.getByPrefix("").keySet()));
    assertEquals(Optional.of(TextNode.valueOf("charm's own key")), kv.get("once:h"));
    assertEquals(List.of("h"), List.copyOf(records.getByPrefix("").keySet()));
    StateDocument doc = state.toDocument();
    assertEquals(List.of("once:h"), List.copyOf(doc.data().keySet()));
    assertEquals(List.of("once:h"), List.copyOf(doc.framework().keySet()));
    assertEquals(TextNode.valueOf("charm's own key"), doc.data().get("once:h"));
    assertEquals(com.fasterxml.jackson.databind.node.BooleanNode.TRUE, doc.framework().get("once:h"));
  }

  @Test
  void onlyRealChangesMakeTheStateDirty() {
    UnitState loaded = new UnitState(new StateDocument(new java.util.TreeMap<>(),
        new java.util.TreeMap<>(Map.of("k", IntNode.valueOf(1))), new java.util.TreeMap<>()), List.of());
    loaded.data().set("k", 1);
    loaded.data().unset("missing");
    loaded.data().get("k");
    loaded.data().getByPrefix("");
    assertFalse(loaded.isDirty());
    loaded.data().set("k", 2);
    assertTrue(loaded.isDirty());
  }

  // ---- through hooks ----

  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();

  @Test
  void dataIsCommittedWithTheHookAndSeenByTheNext() {
    List<Object> seen = new ArrayList<>();
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("write").hook("install").invoke(ctx -> {
          ctx.data().set("port", 8080);
          ctx.data().set("cfg.a_b", "x");
        }),
        Handler.named("read").hook("config-changed").invoke(ctx -> {
          seen.add(ctx.data().get("port", Integer.class).orElseThrow());
          seen.add(List.copyOf(ctx.data().getByPrefix("cfg.").keySet()));
        })).build();
    assertTrue(c.execute(hook("install")).succeeded());
    assertEquals(IntNode.valueOf(8080), store.committed().data().get("port"));
    assertTrue(c.execute(hook("config-changed")).succeeded());
    assertEquals(List.of(8080, List.of("cfg.a_b")), seen);
  }

  @Test
  void aFailingHookRollsTheDataBack() {
    ReactiveCharm setup = charm(store, log).handler(Handler.named("write").hook("install")
        .invoke(ctx -> ctx.data().set("port", 8080))).build();
    assertTrue(setup.execute(hook("install")).succeeded());
    byte[] before = store.committedBytes();

    List<Object> seen = new ArrayList<>();
    ReactiveCharm c = charm(store, log).handler(
        Handler.named("change").hook("config-changed").invoke(ctx -> {
          ctx.data().set("port", 9090);
          ctx.data().set("new", "x");
          ctx.data().unset("port");
        }),
        Handler.named("fail").hook("config-changed").invoke(ctx -> {
          throw new IllegalStateException("after the data changed");
        }),
        Handler.named("read").hook("update-status").invoke(ctx -> {
          seen.add(ctx.data().get("port", Integer.class));
          seen.add(ctx.data().get("new"));
        })).build();
    HookRun failed = c.execute(hook("config-changed"));
    assertEquals(1, failed.exitCode());
    assertEquals(1, store.commits());
    assertArrayEquals(before, store.committedBytes());

    assertTrue(c.execute(hook("update-status")).succeeded());
    assertEquals(List.of(Optional.of(8080), Optional.empty()), seen);
  }

  @Test
  void aFailingExitCallbackAlsoRollsTheDataBack() {
    ReactiveCharm c = charm(store, log)
        .onExit(ctx -> {
          throw new IllegalStateException("exit failed");
        })
        .handler(Handler.named("write").hook("install").invoke(ctx -> ctx.data().set("k", "v"))).build();
    HookRun run = c.execute(hook("install"));
    assertEquals(1, run.exitCode());
    assertEquals(0, store.commits());
  }

  @Test
  void aWrongTypeInAHandlerFailsTheHookNamingTheKey() {
    ReactiveCharm c = charm(store, log).handler(Handler.named("read").hook("install").invoke(ctx -> {
      ctx.data().set("port", "eighty");
      ctx.data().get("port", Integer.class);
    })).build();
    HookRun run = c.execute(hook("install"));
    assertEquals(1, run.exitCode());
    Throwable cause = run.error().orElseThrow();
    while (!(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertTrue(cause instanceof IllegalArgumentException, () -> run.error().toString());
    assertTrue(cause.getMessage().contains("port"), cause.getMessage());
    assertEquals(0, store.commits());
  }
}
