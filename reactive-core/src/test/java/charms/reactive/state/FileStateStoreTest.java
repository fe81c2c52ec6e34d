package charms.reactive.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HookEnvironment;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.spi.StateCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file store: round trip, mode 0600, atomic commit, corruption, rollback and the lock. */
class FileStateStoreTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<PosixFilePermission> MODE_0600 = PosixFilePermissions.fromString("rw-------");
  static final Duration SHORT = Duration.ofMillis(300);

  @TempDir
  Path dir;

  final List<Process> children = new ArrayList<>();

  @AfterEach
  void stopChildren() throws Exception {
    for (Process p : children) {
      p.getOutputStream().close();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  Path file() {
    return dir.resolve(".unit-state.json");
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static StateDocument sample() {
    TreeMap<String, JsonNode> flags = new TreeMap<>();
    flags.put("a", NullNode.getInstance());
    flags.put("endpoint.db.joined", json("{\"relation\":\"db\",\"conversations\":[\"x\",\"y\"]}"));
    flags.put("\u00e9t\u00e9", json("\"\u65e5\u672c \\u0000 \\\" quote\""));
    TreeMap<String, JsonNode> data = new TreeMap<>();
    data.put("k", json("\"v\""));
    data.put("n", json("-12345678901234567890"));
    data.put("f", json("0.1"));
    data.put("nested", json("{\"list\":[1,2.5,true,null,{\"deep\":\"x\"}]}"));
    data.put("weird key_%", json("[]"));
    TreeMap<String, JsonNode> framework = new TreeMap<>();
    framework.put("once:charms.Charm.install", BooleanNode.TRUE);
    framework.put("files:h:/etc/x.conf", json("\"abc123\""));
    return new StateDocument(flags, data, framework);
  }

  static byte[] bytes(Path p) throws IOException {
    return Files.readAllBytes(p);
  }

  static Object inode(Path p) throws IOException {
    return Files.getAttribute(p, "unix:ino");
  }

  static void commitWithNewStore(Path file, StateDocument doc) {
    try (FileStateStore store = new FileStateStore(file, SHORT)) {
      store.load();
      store.commit(doc);
    }
  }

  static StateDocument loadWithNewStore(Path file) {
    try (FileStateStore store = new FileStateStore(file, SHORT)) {
      return store.load();
    }
  }

  static HookEnvironment env(String hook) {
    return HookEnvironment.of(Map.of("JUJU_HOOK_NAME", hook, "JUJU_UNIT_NAME", "app/0",
        "CHARM_DIR", "/nonexistent-charm-dir"));
  }

  ReactiveCharm.Builder charmOnFile() {
    Path file = file();
    return ReactiveCharm.builder().stateStore(e -> new FileStateStore(file, SHORT))
        .log(e -> (level, message) -> { });
  }

  // ---- round trip and document format ----

  @Test
  void aCommittedDocumentLoadsBackEqual() {
    commitWithNewStore(file(), sample());
    assertEquals(sample(), loadWithNewStore(file()));
  }

  @Test
  void theCodecRoundTripsAndWritesTheVersionedFormat() throws Exception {
    byte[] encoded = StateCodec.encode(sample());
    assertEquals(sample(), StateCodec.decode(encoded, "somewhere"));
    JsonNode root = JSON.readTree(encoded);
    assertEquals("charms.reactive/unit-state", root.get("format").asText());
    assertEquals(1, root.get("version").intValue());
    assertEquals(Set.of("format", "version", "flags", "data", "framework"), fieldNames(root));
    assertEquals(json("{\"relation\":\"db\",\"conversations\":[\"x\",\"y\"]}"),
        root.get("flags").get("endpoint.db.joined"));
    assertEquals("-12345678901234567890", root.get("data").get("n").toString());
  }

  @Test
  void encodingIsByteStableAndSorted() throws Exception {
    byte[] once = StateCodec.encode(sample());
    byte[] again = StateCodec.encode(StateCodec.decode(once, "x"));
    assertArrayEquals(once, again, "decode then encode gives the same bytes");
    List<String> keys = new ArrayList<>();
    JSON.readTree(once).get("data").fieldNames().forEachRemaining(keys::add);
    assertEquals(new ArrayList<>(new TreeSet<>(keys)), keys, "keys are written sorted");
  }

  @Test
  void anEmptyDocumentRoundTrips() {
    commitWithNewStore(file(), StateDocument.empty());
    assertEquals(StateDocument.empty(), loadWithNewStore(file()));
  }

  @Test
  void aMissingFileIsAnEmptyStateAndLoadingDoesNotCreateIt() {
    assertEquals(StateDocument.empty(), loadWithNewStore(file()));
    assertFalse(Files.exists(file()));
  }

  @Test
  void commitReplacesTheWholeDocument() {
    commitWithNewStore(file(), sample());
    TreeMap<String, JsonNode> flags = new TreeMap<>(Map.of("only", NullNode.getInstance()));
    StateDocument smaller = new StateDocument(flags, new TreeMap<>(), new TreeMap<>());
    commitWithNewStore(file(), smaller);
    assertEquals(smaller, loadWithNewStore(file()));
  }

  @Test
  void commitWithoutLoadIsRefused() {
    try (FileStateStore store = new FileStateStore(file(), SHORT)) {
      assertThrows(IllegalStateException.class, () -> store.commit(sample()));
    }
    assertFalse(Files.exists(file()));
  }

  // ---- mode and temporary files ----

  @Test
  void theFileIsCreatedWithMode0600AndKeepsItAfterRecommit() throws Exception {
    commitWithNewStore(file(), sample());
    assertEquals(MODE_0600, Files.getPosixFilePermissions(file()));
    commitWithNewStore(file(), StateDocument.empty());
    assertEquals(MODE_0600, Files.getPosixFilePermissions(file()));
    try (FileStateStore store = new FileStateStore(file(), SHORT)) {
      store.load();
      store.commit(sample());
      store.commit(StateDocument.empty());
    }
    assertEquals(MODE_0600, Files.getPosixFilePermissions(file()));
  }

  @Test
  void aFileThatWasWorldReadableBecomes0600OnCommit() throws Exception {
    Files.write(file(), StateCodec.encode(StateDocument.empty()));
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
    commitWithNewStore(file(), sample());
    assertEquals(MODE_0600, Files.getPosixFilePermissions(file()));
  }

  @Test
  void commitsLeaveNoTemporaryFilesBehind() throws Exception {
    for (int i = 0; i < 5; i++) {
      TreeMap<String, JsonNode> data = new TreeMap<>(Map.of("i", json(Integer.toString(i))));
      commitWithNewStore(file(), new StateDocument(new TreeMap<>(), data, new TreeMap<>()));
    }
    assertEquals(Set.of(".unit-state.json", ".unit-state.json.lock"), listing(dir));
    assertEquals(4, loadWithNewStore(file()).data().get("i").intValue());
  }

  @Test
  void theNextLoadRemovesTemporaryFilesAnInterruptedCommitLeftBehind() throws Exception {
    commitWithNewStore(file(), sample());
    Path stale1 = Files.writeString(dir.resolve("..unit-state.json.123456789.tmp"), "{\"torn");
    Path stale2 = Files.writeString(dir.resolve("..unit-state.json.42.tmp"), "");
    Path notOurs = Files.writeString(dir.resolve("..unit-state.json.abc.tmp"), "keep");
    Path otherFile = Files.writeString(dir.resolve("..other.json.7.tmp"), "keep");
    List<String> notices = new ArrayList<>();
    try (FileStateStore store = new FileStateStore(file(), SHORT, notices::add)) {
      assertEquals(sample(), store.load());
    }
    assertFalse(Files.exists(stale1));
    assertFalse(Files.exists(stale2));
    assertTrue(Files.exists(notOurs) && Files.exists(otherFile), "only this state file's temporaries");
    assertEquals(1, notices.size(), notices::toString);
    assertTrue(notices.get(0).contains("removed 2 temporary files of " + file()), notices.get(0));
    assertTrue(FileStateStore.isTemporaryName("..unit-state.json.1.tmp", "..unit-state.json."));
    assertFalse(FileStateStore.isTemporaryName("..unit-state.json..tmp", "..unit-state.json."));
  }

  @Test
  void theStoreNamesItsFile() {
    FileStateStore store = new FileStateStore(file());
    assertEquals(file().toAbsolutePath(), store.file());
    assertTrue(store.describe().contains(file().toString()));
  }

  // ---- corruption: a clear error naming the file, never a silent reset ----

  void assertCorrupt(byte[] content, String... mustMention) throws Exception {
    Files.write(file(), content);
    StateFileException e = assertThrows(StateFileException.class, () -> loadWithNewStore(file()));
    assertTrue(e.getMessage().contains(file().toAbsolutePath().toString()), e.getMessage());
    for (String m : mustMention) {
      assertTrue(e.getMessage().contains(m), () -> "'" + m + "' not in: " + e.getMessage());
    }
    assertArrayEquals(content, bytes(file()), "a failed load must not touch the file");
  }

  @Test
  void garbageBytesAreAnErrorNamingTheFile() throws Exception {
    assertCorrupt(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '{', '"'});
    assertCorrupt("not json at all".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyOrTruncatedFileIsAnError() throws Exception {
    assertCorrupt(new byte[0]);
    byte[] whole = StateCodec.encode(sample());
    assertCorrupt(java.util.Arrays.copyOf(whole, whole.length / 2));
  }

  @Test
  void validJsonInTheWrongFormatIsAnError() throws Exception {
    assertCorrupt("{\"reactive.states.foo\": null}".getBytes(StandardCharsets.UTF_8));
    assertCorrupt("[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
    assertCorrupt("null".getBytes(StandardCharsets.UTF_8));
    assertCorrupt("\"charms.reactive/unit-state\"".getBytes(StandardCharsets.UTF_8));
    assertCorrupt(("{\"format\":\"something-else\",\"version\":1,\"flags\":{},\"data\":{},"
        + "\"framework\":{}}").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aMissingOrMistypedSectionIsAnError() throws Exception {
    assertCorrupt("{\"format\":\"charms.reactive/unit-state\",\"version\":1,\"flags\":{},\"data\":{}}"
        .getBytes(StandardCharsets.UTF_8), "framework");
    assertCorrupt(("{\"format\":\"charms.reactive/unit-state\",\"version\":1,\"flags\":[\"a\"],"
        + "\"data\":{},\"framework\":{}}").getBytes(StandardCharsets.UTF_8), "flags");
  }

  @Test
  void anUnknownVersionIsAnErrorNamingFileAndVersion() throws Exception {
    assertCorrupt(("{\"format\":\"charms.reactive/unit-state\",\"version\":2,\"flags\":{},"
        + "\"data\":{},\"framework\":{}}").getBytes(StandardCharsets.UTF_8), "version 2");
    assertCorrupt(("{\"format\":\"charms.reactive/unit-state\",\"version\":0,\"flags\":{},"
        + "\"data\":{},\"framework\":{}}").getBytes(StandardCharsets.UTF_8), "version 0");
    assertCorrupt(("{\"format\":\"charms.reactive/unit-state\",\"version\":\"1\",\"flags\":{},"
        + "\"data\":{},\"framework\":{}}").getBytes(StandardCharsets.UTF_8), "version");
    assertCorrupt(("{\"format\":\"charms.reactive/unit-state\",\"flags\":{},"
        + "\"data\":{},\"framework\":{}}").getBytes(StandardCharsets.UTF_8), "version");
  }

  @Test
  void aValidDocumentFollowedByGarbageIsAnError() throws Exception {
    byte[] doc = StateCodec.encode(sample());
    byte[] withTail = java.util.Arrays.copyOf(doc, doc.length + 6);
    System.arraycopy("}garbg".getBytes(StandardCharsets.UTF_8), 0, withTail, doc.length, 6);
    assertCorrupt(withTail);
  }

  @Test
  void theCodecNamesWhereTheBytesCameFrom() {
    StateFileException e = assertThrows(StateFileException.class,
        () -> StateCodec.decode("{".getBytes(StandardCharsets.UTF_8), "the-place"));
    assertTrue(e.getMessage().contains("the-place"), e.getMessage());
  }

  @Test
  void aHookOnACorruptFileFailsWithoutRunningHandlersOrResettingTheFile() throws Exception {
    byte[] corrupt = "{\"format\":\"charms.reactive/unit-state\",\"version\":2}".getBytes(StandardCharsets.UTF_8);
    Files.write(file(), corrupt);
    List<String> ran = new ArrayList<>();
    ReactiveCharm c = charmOnFile()
        .handler(Handler.named("h").whenNot("x").invoke(ctx -> {
          ran.add("h");
          ctx.flags().set("x");
        })).build();
    HookRun run = c.execute(env("install"));
    assertEquals(1, run.exitCode());
    StateFileException e = assertInstanceOf(StateFileException.class, run.error().orElseThrow());
    assertTrue(e.getMessage().contains(file().toAbsolutePath().toString()), e.getMessage());
    assertEquals(List.of(), ran);
    assertArrayEquals(corrupt, bytes(file()));
  }

  // ---- transactions through a hook ----

  @Test
  void aFailedHookLeavesTheFileByteIdentical() throws Exception {
    ReactiveCharm setup = charmOnFile().handler(Handler.named("setup").whenNot("installed").invoke(ctx -> {
      ctx.flags().set("installed", Map.of("v", 1));
      ctx.data().set("port", 8080);
    })).build();
    assertTrue(setup.execute(env("install")).succeeded());
    byte[] before = bytes(file());
    Object inodeBefore = inode(file());

    ReactiveCharm failing = charmOnFile().handler(
        Handler.named("changes").hook("config-changed").invoke(ctx -> {
          ctx.flags().set("new-flag");
          ctx.flags().clear("installed");
          ctx.data().set("port", 9090);
          ctx.data().set("extra", "x");
        }),
        Handler.named("boom").whenNot("never").invoke(ctx -> {
          throw new IllegalStateException("handler failed");
        })).build();
    HookRun run = failing.execute(env("config-changed"));

    assertEquals(1, run.exitCode());
    assertFalse(run.committed());
    assertArrayEquals(before, bytes(file()));
    assertEquals(inodeBefore, inode(file()), "the file was not replaced");
    assertEquals(Set.of(".unit-state.json", ".unit-state.json.lock"), listing(dir));
    StateDocument after = loadWithNewStore(file());
    assertEquals(List.of("installed"), List.copyOf(after.flags().keySet()));
    assertEquals(8080, after.data().get("port").intValue());
  }

  @Test
  void aHookThatChangesNothingDoesNotRewriteTheFile() throws Exception {
    List<String> ran = new ArrayList<>();
    ReactiveCharm c = charmOnFile().handler(
        Handler.named("once").whenNot("installed").invoke(ctx -> ctx.flags().set("installed")),
        Handler.named("noop").when("installed").invoke(ctx -> {
          ran.add("noop");
          ctx.flags().set("installed");          // already set, same value
          ctx.data().unset("missing");           // nothing to remove
          ctx.flags().clear("not-set");          // nothing to clear
        })).build();
    assertTrue(c.execute(env("install")).succeeded());
    byte[] before = bytes(file());
    Object inodeBefore = inode(file());

    HookRun run = c.execute(env("update-status"));

    assertTrue(run.succeeded(), () -> run.error().toString());
    assertEquals(List.of("noop", "noop"), ran, "the no-op handler ran in both hooks");
    assertArrayEquals(before, bytes(file()));
    assertEquals(inodeBefore, inode(file()), "a clean hook does not replace the file");
  }

  @Test
  void aHookThatChangesSomethingDoesReplaceTheFile() throws Exception {
    ReactiveCharm c = charmOnFile().handler(
        Handler.named("bump").hook("install", "update-status").invoke(ctx -> ctx.data().set("n",
            ctx.data().get("n", Integer.class).orElse(0) + 1))).build();
    assertTrue(c.execute(env("install")).succeeded());
    Object inodeBefore = inode(file());
    assertTrue(c.execute(env("update-status")).succeeded());
    assertNotEquals(inodeBefore, inode(file()), "the commit renames a new file into place");
    assertEquals(2, loadWithNewStore(file()).data().get("n").intValue());
    assertEquals(MODE_0600, Files.getPosixFilePermissions(file()));
  }

  @Test
  void aCleanHookDoesNotCommitToAMemoryStoreEither() {
    MemoryStateStore store = new MemoryStateStore();
    ReactiveCharm c = ReactiveCharm.builder().stateStore(e -> store).log(e -> (level, message) -> { })
        .handler(Handler.named("once").whenNot("installed").invoke(ctx -> ctx.flags().set("installed")),
            Handler.named("look").when("installed").invoke(ctx -> ctx.flags().isSet("installed")))
        .build();
    assertTrue(c.execute(env("install")).succeeded());
    assertEquals(1, store.commits());
    byte[] committed = store.committedBytes();
    assertTrue(c.execute(env("update-status")).succeeded());
    assertTrue(c.execute(env("config-changed")).succeeded());
    assertEquals(1, store.commits());
    assertArrayEquals(committed, store.committedBytes());
  }

  // ---- the lock ----

  @Test
  void twoStoresInOneJvmExcludeEachOther() {
    try (FileStateStore first = new FileStateStore(file(), SHORT)) {
      first.load();
      FileStateStore second = new FileStateStore(file(), SHORT);
      StateFileException e = assertThrows(StateFileException.class, second::load);
      assertTrue(e.getMessage().contains(file().toAbsolutePath().toString()), e.getMessage());
      second.close();
      first.commit(sample());
    }
    try (FileStateStore third = new FileStateStore(file(), SHORT)) {
      assertEquals(sample(), third.load(), "the lock is free once the first store is closed");
    }
  }

  @Test
  @Timeout(120)
  void aSecondStoreInTheSameJvmWaitsAndThenSeesTheCommittedState() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<StateDocument> waiting;
      try (FileStateStore first = new FileStateStore(file(), SHORT)) {
        first.load();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        waiting = pool.submit(() -> {
          started.countDown();
          try (FileStateStore second = new FileStateStore(file(), Duration.ofSeconds(60))) {
            return second.load();
          }
        });
        started.await();
        first.commit(sample());
        assertFalse(waiting.isDone(), "the second store must wait while the first holds the lock");
      }
      assertEquals(sample(), waiting.get(60, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aHookHoldsTheLockWhileItRuns() {
    List<String> seen = new ArrayList<>();
    ReactiveCharm c = charmOnFile().handler(Handler.named("probe").whenNot("x").invoke(ctx -> {
      try (FileStateStore other = new FileStateStore(file(), SHORT)) {
        other.load();
        seen.add("acquired");
      } catch (StateFileException e) {
        seen.add("busy");
      }
    })).build();
    assertTrue(c.execute(env("install")).succeeded());
    assertEquals(List.of("busy"), seen);
    // and releases it afterwards, even after a failed hook
    ReactiveCharm failing = charmOnFile().handler(Handler.named("boom").whenNot("x").invoke(ctx -> {
      throw new IllegalStateException("no");
    })).build();
    assertEquals(1, failing.execute(env("install")).exitCode());
    try (FileStateStore after = new FileStateStore(file(), SHORT)) {
      after.load();
    }
  }

  @Test
  @Timeout(120)
  void anotherProcessHoldingTheLockMakesLoadFailNamingTheFile() throws Exception {
    commitWithNewStore(file(), sample());
    Process child = startChild("hold", file().toString());
    BufferedReader out = reader(child);
    assertEquals("locked", out.readLine());

    FileStateStore blocked = new FileStateStore(file(), SHORT);
    StateFileException e = assertThrows(StateFileException.class, blocked::load);
    blocked.close();
    assertFalse(Thread.currentThread().isInterrupted(), "the time-out's interrupt must not leak");
    assertTrue(e.getMessage().contains("another process"), e.getMessage());
    assertTrue(e.getMessage().contains(file().toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("locked"), e.getMessage());

    child.getOutputStream().close();
    assertEquals("released", out.readLine());
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, child.exitValue());

    try (FileStateStore now = new FileStateStore(file(), SHORT)) {
      assertEquals(sample(), now.load());
    }
  }

  @Test
  @Timeout(120)
  void aWaiterGetsTheLockWhenItIsReleasedAndReportsAWaitOverASecond() throws Exception {
    commitWithNewStore(file(), sample());
    Process child = startChild("hold", file().toString());
    BufferedReader out = reader(child);
    assertEquals("locked", out.readLine());
    List<String> notices = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<StateDocument> waiting = pool.submit(() -> {
        try (FileStateStore store = new FileStateStore(file(), Duration.ofSeconds(60), notices::add)) {
          return store.load();
        }
      });
      Thread.sleep(1500);
      assertFalse(waiting.isDone(), "the waiter must wait while the other process holds the lock");
      child.getOutputStream().close();
      assertEquals(sample(), waiting.get(60, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, notices.size(), notices::toString);
    String notice = notices.get(0);
    assertTrue(notice.startsWith("waited ") && notice.contains(file() + ".lock")
        && notice.contains("another process"), notice);
  }

  @Test
  void aShortWaitIsNotReported() {
    List<String> notices = new ArrayList<>();
    try (FileStateStore store = new FileStateStore(file(), SHORT, notices::add)) {
      store.load();
    }
    assertEquals(List.of(), notices);
  }

  @Test
  @Timeout(120)
  void aHookFailsCleanlyWhileAnotherProcessHoldsTheLock() throws Exception {
    commitWithNewStore(file(), sample());
    byte[] before = bytes(file());
    Process child = startChild("hold", file().toString());
    BufferedReader out = reader(child);
    assertEquals("locked", out.readLine());

    List<String> ran = new ArrayList<>();
    ReactiveCharm c = charmOnFile().handler(Handler.named("h").whenNot("zz").invoke(ctx -> {
      ran.add("h");
      ctx.flags().set("zz");
    })).build();
    HookRun run = c.execute(env("update-status"));
    assertEquals(1, run.exitCode());
    assertInstanceOf(StateFileException.class, run.error().orElseThrow());
    assertEquals(List.of(), ran);
    assertArrayEquals(before, bytes(file()));

    child.getOutputStream().close();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertTrue(c.execute(env("update-status")).succeeded());
    assertEquals(List.of("h"), ran);
  }

  @Test
  @Timeout(120)
  void aStoreThatTimesOutDoesNotReleaseTheLockOfAnotherStoreInTheSameJvm() throws Exception {
    // FileLock: "On some systems, closing a channel releases all locks held by the Java virtual
    // machine on the underlying file". A second store giving up must not unlock the first.
    try (FileStateStore holder = new FileStateStore(file(), SHORT)) {
      holder.load();
      FileStateStore loser = new FileStateStore(file(), SHORT);
      assertThrows(StateFileException.class, loser::load);
      loser.close();

      String answer = runChild("try", file().toString(), "300");
      assertTrue(answer.startsWith("busy:"), "another process got the lock the holder still has: " + answer);
    }
    assertEquals("acquired", runChild("try", file().toString(), "300"));
  }

  @Test
  @Timeout(120)
  void aFinishedHookLeavesTheLockFreeForOtherProcesses() throws Exception {
    ReactiveCharm c = charmOnFile().handler(Handler.named("h").whenNot("x").invoke(ctx -> ctx.flags().set("x")))
        .build();
    assertTrue(c.execute(env("install")).succeeded());
    assertEquals("acquired", runChild("try", file().toString(), "300"));
  }

  // ---- helpers ----

  Process startChild(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LockChild.class.getName());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    children.add(p);
    return p;
  }

  static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Runs a child to completion and returns its first line of output. */
  String runChild(String... args) throws Exception {
    Process p = startChild(args);
    p.getOutputStream().close();
    String line;
    try (BufferedReader out = reader(p)) {
      line = out.readLine();
      Supplier<String> rest = () -> out.lines().reduce("", (a, b) -> a + "\n" + b);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), () -> line + rest.get());
    }
    return line;
  }

  static Set<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      Set<String> names = new TreeSet<>();
      s.forEach(p -> names.add(p.getFileName().toString()));
      return names;
    }
  }

  static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
