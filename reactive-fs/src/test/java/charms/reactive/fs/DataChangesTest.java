package charms.reactive.fs;

import static charms.reactive.fs.FsCharms.charm;
import static charms.reactive.fs.FsCharms.hook;
import static charms.reactive.fs.FsCharms.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HandlerContext;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.fs.FsCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data_changed} over several hooks of one unit. */
class DataChangesTest {
  @TempDir
  Path charmDir;
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();

  /** Runs one hook whose only handler (a hooks-phase one, so it runs once) applies {@code work}. */
  <T> T inHook(HandlerWork<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    ReactiveCharm c = charm(store, log)
        .handler(Handler.named("probe").hook("update-status").invoke(ctx -> result.set(work.apply(ctx))))
        .build();
    succeeded(c.execute(hook("update-status", charmDir)));
    return result.get();
  }

  /** Runs a hook answering a question; as a primitive so assertTrue/False overloads resolve. */
  boolean check(HandlerWork<Boolean> question) {
    return inHook(question);
  }

  interface HandlerWork<T> {
    T apply(HandlerContext context) throws Exception;
  }

  static Map<String, Object> config(String password) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("port", 8080);
    m.put("password", password);
    return m;
  }

  @Test
  void changedOnFirstSightThenOnlyWhenTheValueChanges() {
    assertTrue(check(ctx -> DataChanges.dataChanged(ctx, "cfg", config("a"))));
    assertFalse(check(ctx -> DataChanges.dataChanged(ctx, "cfg", config("a"))));
    assertTrue(check(ctx -> DataChanges.dataChanged(ctx, "cfg", config("b"))));
    assertFalse(check(ctx -> DataChanges.dataChanged(ctx, "cfg", config("b"))));
  }

  @Test
  void aSecondCallInTheSameHookSeesTheFirstOnesRecord() {
    List<Boolean> answers = inHook(ctx -> List.of(
        DataChanges.dataChanged(ctx, "cfg", config("a")),
        DataChanges.dataChanged(ctx, "cfg", config("a"))));
    assertEquals(List.of(true, false), answers);
  }

  @Test
  void keyOrderDoesNotMatterBecauseTheJsonIsCanonical() {
    Map<String, Object> reversed = new LinkedHashMap<>();
    reversed.put("password", "a");
    reversed.put("port", 8080);
    assertTrue(check(ctx -> DataChanges.dataChanged(ctx, "cfg", config("a"))));
    assertFalse(check(ctx -> DataChanges.dataChanged(ctx, "cfg", reversed)));
  }

  @Test
  void aFailedHookRecordsNothingSoTheChangeIsReportedAgain() {
    List<Boolean> seen = new ArrayList<>();
    ReactiveCharm failing = charm(store, log).handler(Handler.named("probe").hook("update-status").invoke(ctx -> {
      seen.add(DataChanges.dataChanged(ctx, "cfg", config("a")));
      throw new IllegalStateException("boom");
    })).build();
    HookRun run = failing.execute(hook("update-status", charmDir));
    assertFalse(run.succeeded());
    assertEquals(List.of(true), seen);
    assertTrue(check(ctx -> DataChanges.dataChanged(ctx, "cfg", config("a"))));
  }

  @Test
  void isDataChangedComparesWithoutRecording() {
    assertTrue(check(ctx -> DataChanges.isDataChanged(ctx, "cfg", config("a"))));
    assertTrue(check(ctx -> DataChanges.isDataChanged(ctx, "cfg", config("a"))));
    assertEquals(0, store.commits(), "nothing written");
    inHook(ctx -> DataChanges.dataChanged(ctx, "cfg", config("a")));
    assertFalse(check(ctx -> DataChanges.isDataChanged(ctx, "cfg", config("a"))));
    assertTrue(check(ctx -> DataChanges.isDataChanged(ctx, "cfg", config("z"))));
  }

  @Test
  void keysAreIndependent() {
    assertTrue(check(ctx -> DataChanges.dataChanged(ctx, "one", "x")));
    assertTrue(check(ctx -> DataChanges.dataChanged(ctx, "two", "x")));
    assertFalse(check(ctx -> DataChanges.dataChanged(ctx, "one", "x")));
  }

  @Test
  void md5StoresThePythonOriginalsDigest() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("b", List.of(1, 2.5, "é"));
    value.put("a", null);
    inHook(ctx -> DataChanges.dataChanged(ctx, "x", value, HashAlgorithm.MD5));
    // hashlib.md5(json.dumps(value, sort_keys=True).encode('utf8')).hexdigest()
    assertEquals("9e13cc156483dabfb15501108d8e87f5",
        store.committed().data().get("reactive.data_changed.x").textValue());
    inHook(ctx -> DataChanges.dataChanged(ctx, "y", value));
    assertEquals("b129e8b869243fd11bf91cf8baafac4e7229e28a409192143c02eef67a9fc152",
        store.committed().data().get("reactive.data_changed.y").textValue());
  }

  @Test
  void nullIsAValueLikeAnyOther() {
    assertTrue(check(ctx -> DataChanges.dataChanged(ctx, "k", null)));
    assertFalse(check(ctx -> DataChanges.dataChanged(ctx, "k", null)));
    assertTrue(check(ctx -> DataChanges.dataChanged(ctx, "k", "null")));
  }

  @Test
  void aValueWithoutJsonFormFailsNamingTheKeyAndPath() {
    ReactiveCharm c = charm(store, log).handler(Handler.named("probe").hook("update-status").invoke(ctx ->
        DataChanges.dataChanged(ctx, "peers", Map.of("units", Set.of("a/0"))))).build();
    HookRun run = c.execute(hook("update-status", charmDir));
    String message = run.error().orElseThrow().getCause().getMessage();
    assertTrue(message.contains("'peers'") && message.contains("$.units"), message);
  }
}
