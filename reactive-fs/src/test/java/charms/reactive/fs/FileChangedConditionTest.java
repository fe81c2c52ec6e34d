package charms.reactive.fs;

import static charms.reactive.fs.FileConditions.whenFileChanged;
import static charms.reactive.fs.FsCharms.charm;
import static charms.reactive.fs.FsCharms.hook;
import static charms.reactive.fs.FsCharms.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Condition;
import charms.reactive.DispatchTrace;
import charms.reactive.FlagFact;
import charms.reactive.Handler;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.fs.FsCharms.RecordingLog;
import charms.reactive.state.MemoryStateStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/** {@code @WhenFileChanged} / {@link FileConditions}: per handler, consumed on success. */
class FileChangedConditionTest {
  @TempDir
  Path charmDir;
  final MemoryStateStore store = new MemoryStateStore();
  final RecordingLog log = new RecordingLog();
  final List<String> ran = new ArrayList<>();
  Path file;

  @BeforeEach
  void setUp() {
    file = charmDir.resolve("app.conf");
  }

  Handler watcher(String id, Condition condition) {
    return Handler.named(id).condition(condition).invoke(ctx -> ran.add(id));
  }

  List<String> runHook(ReactiveCharm charm) {
    ran.clear();
    succeeded(charm.execute(hook("update-status", charmDir)));
    return List.copyOf(ran);
  }

  void write(String content) throws IOException {
    Files.writeString(file, content);
  }

  @Test
  void anExistingFileFiresOnTheFirstHookThenOnlyWhenItsContentChanges() throws IOException {
    ReactiveCharm c = charm(store, log).handler(watcher("w", whenFileChanged(file))).build();
    write("one");
    assertEquals(List.of("w"), runHook(c));
    assertEquals(List.of(), runHook(c));
    write("two");
    assertEquals(List.of("w"), runHook(c));
    assertEquals(List.of(), runHook(c));
  }

  /** The original's first-hook rule (None == None): a file that never existed is unchanged. */
  @Test
  void aFileThatNeverExistedIsUnchangedUntilItAppears() throws IOException {
    ReactiveCharm c = charm(store, log).handler(watcher("w", whenFileChanged(file))).build();
    assertEquals(List.of(), runHook(c));
    assertEquals(List.of(), runHook(c));
    write("now here");
    assertEquals(List.of("w"), runHook(c));
  }

  @Test
  void touchingAFileOrChangingItsModeIsNoChange() throws IOException {
    ReactiveCharm c = charm(store, log).handler(watcher("w", whenFileChanged(file))).build();
    write("same");
    assertEquals(List.of("w"), runHook(c));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(3600)));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(file, "same");
    assertEquals(List.of(), runHook(c));
  }

  @Test
  void deletingAndRecreatingAFileAreEachAChange() throws IOException {
    ReactiveCharm c = charm(store, log).handler(watcher("w", whenFileChanged(file))).build();
    write("content");
    assertEquals(List.of("w"), runHook(c));
    Files.delete(file);
    assertEquals(List.of("w"), runHook(c), "disappearing is a change");
    assertEquals(List.of(), runHook(c));
    write("content");
    assertEquals(List.of("w"), runHook(c), "recreated with the same content is still a change");
    assertEquals(List.of(), runHook(c));
  }

  @Test
  void aHandlerThatThrowsDoesNotConsumeTheChange() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    ReactiveCharm c = charm(store, log).handler(Handler.named("flaky")
        .condition(whenFileChanged(file))
        .invoke(ctx -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("service not ready");
          }
        })).build();
    write("v1");

    HookRun failed = c.execute(hook("update-status", charmDir));
    assertFalse(failed.succeeded());
    assertNull(store.committedBytes(), "a failed hook commits no digest");

    succeeded(c.execute(hook("update-status", charmDir)));
    assertEquals(2, calls.get(), "the change fires again in the next hook");
    succeeded(c.execute(hook("update-status", charmDir)));
    assertEquals(2, calls.get(), "and is consumed once the handler completed");
  }

  @Test
  void twoHandlersWatchingOneFileBothFireOncePerChange() throws IOException {
    ReactiveCharm c = charm(store, log).handler(
        watcher("first", whenFileChanged(file)),
        watcher("second", whenFileChanged(file))).build();
    write("a");
    assertEquals(List.of("first", "second"), runHook(c));
    assertEquals(List.of(), runHook(c));
    write("b");
    assertEquals(List.of("first", "second"), runHook(c));
    assertEquals(List.of(), runHook(c));
  }

  @Test
  void eachHandlerKeepsItsOwnDigest() throws IOException {
    write("a");
    ReactiveCharm early = charm(store, log).handler(watcher("early", whenFileChanged(file))).build();
    assertEquals(List.of("early"), runHook(early));
    // A handler added later (an upgraded charm, same unit) still sees the file as new to it.
    ReactiveCharm upgraded = charm(store, log).handler(
        watcher("early", whenFileChanged(file)),
        watcher("late", whenFileChanged(file))).build();
    assertEquals(List.of("late"), runHook(upgraded));
  }

  @Test
  void testingTheConditionChangesNoState() throws IOException {
    AtomicBoolean ready = new AtomicBoolean(false);
    ReactiveCharm c = charm(store, log)
        .source(ctx -> ready.get() ? Flux.just(FlagFact.set("ready")) : Flux.empty())
        .handler(Handler.named("w").when("ready").condition(whenFileChanged(file))
            .invoke(ctx -> ran.add("w")))
        .build();
    write("a");

    HookRun notReady = succeeded(c.execute(hook("update-status", charmDir)));
    assertEquals(List.of(), notReady.handlersRun());
    assertEquals(0, store.commits(), "tested (and failed on its flag) without writing anything");
    succeeded(c.execute(hook("update-status", charmDir)));
    assertEquals(0, store.commits());

    ready.set(true);
    assertEquals(List.of("w"), runHook(c), "the change was waiting, not consumed by the tests");
  }

  @Test
  void aFileWrittenByOneHandlerFiresItsWatcherInTheNextIterationOfTheSameHook() {
    ReactiveCharm c = charm(store, log).handler(
        watcher("restart", whenFileChanged(file)),
        Handler.named("render").whenNot("rendered").invoke(ctx -> {
          Files.writeString(file, "rendered");
          ctx.flags().set("rendered");
        })).build();
    HookRun run = succeeded(c.execute(hook("install", charmDir)));
    assertEquals(List.of("render", "restart"), run.handlersRun());
    assertEquals(DispatchTrace.Outcome.SKIPPED, run.trace().passes().get(1).decisionFor("restart").outcome());
    assertEquals(DispatchTrace.Outcome.RAN, run.trace().passes().get(2).decisionFor("restart").outcome());
  }

  /** Pinned: the flag-watch rule (kept from the original) applies to a handler with flags too. */
  @Test
  void withAFlagConditionAMidHookChangeIsSeenInTheNextHook() {
    ReactiveCharm c = charm(store, log)
        .source(ctx -> Flux.just(FlagFact.set("base")))
        .handler(
            Handler.named("restart").when("base").condition(whenFileChanged(file))
                .invoke(ctx -> ran.add("restart")),
            Handler.named("render").whenNot("rendered").invoke(ctx -> {
              Files.writeString(file, "rendered");
              ctx.flags().set("rendered");
            })).build();
    assertEquals(List.of(), runHook(c), "base did not change in iteration 0, so not re-considered");
    assertEquals(List.of("restart"), runHook(c), "iteration 0 of the next hook sees the change");
  }

  @Test
  void aHandlerRewritingItsOwnFileDoesNotFireForItsOwnWrite() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    ReactiveCharm c = charm(store, log).handler(Handler.named("normalise")
        .condition(whenFileChanged(file))
        .invoke(ctx -> {
          calls.incrementAndGet();
          Files.writeString(file, Files.readString(file).strip() + "\n");
        })).build();
    write("  messy  ");
    runHook(c);
    runHook(c);
    assertEquals(1, calls.get());
    assertEquals("messy\n", Files.readString(file));
  }

  @Test
  void relativeNamesAreUnderTheCharmDirectory() throws IOException {
    ReactiveCharm c = charm(store, log).handler(watcher("w", whenFileChanged("app.conf"))).build();
    write("x");
    assertEquals(List.of("w"), runHook(c));
    JsonNode record = store.committed().framework().get("fs.files:w");
    assertTrue(record.has(file.toAbsolutePath().normalize().toString()), record::toString);
  }

  @Test
  void aSuppliedNameIsAskedAtEachTest() throws IOException {
    Path other = charmDir.resolve("other.conf");
    Files.writeString(other, "other");
    AtomicReference<Path> current = new AtomicReference<>(file);
    Supplier<Path> supplier = current::get;
    ReactiveCharm c = charm(store, log).handler(watcher("w", whenFileChanged(supplier))).build();
    write("x");
    assertEquals(List.of("w"), runHook(c));
    assertEquals(List.of(), runHook(c));
    current.set(other);
    assertEquals(List.of("w"), runHook(c), "a file new to the handler");
  }

  @Test
  void aSupplierReturningNullFailsTheHookNamingTheHandler() {
    ReactiveCharm c = charm(store, log).handler(watcher("w", whenFileChanged(() -> null))).build();
    HookRun run = c.execute(hook("update-status", charmDir));
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains("w") && message.contains("returned null"), message);
  }

  @Test
  void aWatchedPathThatCannotBeReadFailsTheHookNamingIt() throws IOException {
    Files.createDirectory(file);
    ReactiveCharm c = charm(store, log).handler(watcher("w", whenFileChanged(file))).build();
    HookRun run = c.execute(hook("update-status", charmDir));
    assertFalse(run.succeeded());
    assertTrue(run.error().orElseThrow().getMessage().contains(file.toString()),
        run.error().orElseThrow().getMessage());
  }

  @Test
  void restrictedHooksDoNotRunFileHandlers() throws IOException {
    ReactiveCharm c = charm(store, log).handler(watcher("w", whenFileChanged(file))).build();
    write("x");
    ran.clear();
    succeeded(c.execute(hook("collect-metrics", charmDir)));
    assertEquals(List.of(), ran);
  }

  @Test
  void theConditionReadsMoreThanFlagsAndNamesNoPhase() {
    FileChangedCondition condition = whenFileChanged("a.conf", "/etc/b.conf");
    assertFalse(condition.dependsOnlyOnWatchedFlags());
    assertTrue(condition.watchedFlags().isEmpty());
    assertNull(condition.phase());
    assertEquals("when_file_changed(a.conf, /etc/b.conf)", condition.describe());
    assertEquals("when_file_changed(<supplied>)", whenFileChanged(() -> "x").describe());
    assertEquals(HashAlgorithm.SHA256, condition.hash());
    assertThrows(IllegalArgumentException.class, () -> whenFileChanged(""));
  }

  @Test
  void theChosenDigestIsWhatIsStored() throws Exception {
    ReactiveCharm c = charm(store, log)
        .handler(watcher("md5", whenFileChanged(file).withHash(HashAlgorithm.MD5)),
            watcher("sha", whenFileChanged(file))).build();
    write("hello\n");
    runHook(c);
    byte[] bytes = "hello\n".getBytes(StandardCharsets.UTF_8);
    String key = file.toAbsolutePath().normalize().toString();
    assertEquals("b1946ac92492d2347c6235b4d2611184",
        store.committed().framework().get("fs.files:md5").get(key).textValue());
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
        store.committed().framework().get("fs.files:sha").get(key).textValue());
  }

  // ---- the annotation ----

  /** A supplier class for the annotation; the test points it at a file. */
  public static final class ConfiguredPath implements Supplier<Path> {
    static volatile Path target;

    @Override
    public Path get() {
      return target;
    }
  }

  public static final class AnnotatedCharm {
    final List<String> calls = new ArrayList<>();

    @WhenFileChanged("app.conf")
    public void byName() {
      calls.add("byName");
    }

    @WhenFileChanged(suppliers = ConfiguredPath.class, hash = HashAlgorithm.MD5)
    public void bySupplier() {
      calls.add("bySupplier");
    }
  }

  @Test
  void theAnnotationMakesTheSameCondition() throws IOException {
    ConfiguredPath.target = charmDir.resolve("supplied.conf");
    AnnotatedCharm handlers = new AnnotatedCharm();
    ReactiveCharm c = charm(store, log).handlers(handlers).build();
    write("x");
    succeeded(c.execute(hook("update-status", charmDir)));
    assertEquals(List.of("byName"), handlers.calls);
    Files.writeString(ConfiguredPath.target, "hello\n");
    succeeded(c.execute(hook("update-status", charmDir)));
    assertEquals(List.of("byName", "bySupplier"), handlers.calls);
    JsonNode record = store.committed().framework()
        .get("fs.files:" + AnnotatedCharm.class.getName() + ".bySupplier");
    assertEquals("b1946ac92492d2347c6235b4d2611184",
        record.get(ConfiguredPath.target.toAbsolutePath().normalize().toString()).textValue());
    succeeded(c.execute(hook("update-status", charmDir)));
    assertEquals(2, handlers.calls.size());
  }

  public static final class NoFiles {
    @WhenFileChanged
    public void nothing() {
    }
  }

  @Test
  void anAnnotationWithoutFilesIsRejectedWhenTheCharmIsBuilt() {
    HandlerDefinitionException e = assertThrows(HandlerDefinitionException.class,
        () -> charm(store, log).handlers(new NoFiles()).build());
    assertTrue(e.getMessage().contains("@WhenFileChanged"), e.getMessage());
  }
}
