package charms.reactive.examples.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.spi.StateCodec;
import charms.reactive.state.StateDocument;
import charms.reactive.testing.FakeHookTools;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.OpenHook;
import charms.reactive.testing.ToolAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection suite: real hook processes (a Java charm, {@link FaultCharm}, and a
 * bash-only charm run by {@code reactive-main}'s main class) against real state files, with the
 * harness's fake hook tools as executables on the PATH (each hook opened with
 * {@link Harness#open}, since the suite starts, kills and overlaps the processes itself). It kills hooks with SIGKILL at random instants (many of
 * them inside the commit), runs hooks of one unit concurrently, fails a handler, fills the disk
 * ({@code ulimit -f}) and feeds each bad input; every case asserts that nothing is torn, lost or
 * partially committed, and that the error names what is at fault.
 *
 * <p>Bounded: {@code -Dfaults.trials=N} kill trials per charm and of the commit loop (default
 * 100 each, 300 in all: about four and a half minutes on two cores); the random seed is
 * {@code -Dfaults.seed} (default: the time, printed). The figures of each run are printed as
 * {@code FAULTS ...} lines.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {
  static final int TRIALS = Integer.getInteger("faults.trials", 100);
  static final long SEED = Long.getLong("faults.seed", System.nanoTime());
  static final int BULK = 20;
  static final String BASH_BLOB = "x".repeat(300_000);

  @TempDir
  static Path work;
  static final List<String> figures = new ArrayList<>();
  /** One harness per charm directory: its fake tools serve every hook of that charm. */
  static final Map<Path, Harness> harnesses = new HashMap<>();
  /** The unit as Juju sees it: the leader, nothing else set (no config.yaml, no relations). */
  static final JujuState UNIT = JujuState.forUnit("fault/0").withLeader(true);
  int seq;

  @BeforeAll
  static void seed() {
    System.out.println("FAULTS seed " + SEED + ", " + TRIALS + " kill trials per charm");
  }

  @AfterAll
  static void closeHarnesses() {
    harnesses.values().forEach(Harness::close);
  }

  static Harness harness(Kind kind, Path charm) {
    return harnesses.computeIfAbsent(charm, dir -> Harness.builder(dir)
        .process(kind == Kind.JAVA ? FaultCharm.class.getName() : "charms.reactive.bash.ReactiveMain",
            System.getProperty("java.class.path"))
        .build());
  }

  /**
   * Output Juju would not produce, scripted into a hook's tools: {@code FAULT_TOOL_EMPTY_LEADER}
   * (is-leader prints nothing), {@code FAULT_TOOL_NUL} (config-get prints a NUL and an escape
   * sequence in broken JSON), {@code FAULT_TOOL_DEEP} (config-get prints JSON nested 1,500 deep).
   */
  static void misbehave(FakeHookTools tools, Map<String, String> env) {
    if (env.containsKey("FAULT_TOOL_EMPTY_LEADER")) {
      tools.answer("is-leader", ToolAnswer.output(""));
    }
    if (env.containsKey("FAULT_TOOL_NUL")) {
      tools.answer("config-get", ToolAnswer.output("{\"motd\": \"a\u0000b\u001b[31m\""));
    }
    if (env.containsKey("FAULT_TOOL_DEEP")) {
      tools.answer("config-get", ToolAnswer.output("[".repeat(1500) + "]".repeat(1500)));
    }
  }

  @AfterAll
  static void report() {
    figures.forEach(System.out::println);
  }

  // ---- the two charms ----

  enum Kind { JAVA, BASH }

  static Path charm(Kind kind, String name) throws IOException {
    Path dir = Files.createDirectories(work.resolve(kind + "-" + name));
    Files.writeString(dir.resolve("metadata.yaml"), "name: fault\nsummary: fault suite\n");
    if (kind == Kind.BASH) {
      Path reactive = Files.createDirectories(dir.resolve("reactive"));
      Path handler = reactive.resolve("fault.sh");
      Files.writeString(handler, String.join("\n",
          "#!/bin/bash",
          "source charms.reactive.sh",
          "set -euo pipefail",
          "@when_not 'never.set'",
          "function bump() {",
          "  local i",
          "  for i in $(seq 1 " + BULK + "); do charms.reactive set_flag \"bulk.$FAULT_SEQ.$i\"; done",
          "  charms.reactive set_flag blob --value \"$(head -c 300000 /dev/zero | tr '\\0' x)$FAULT_SEQ\"",
          "  charms.reactive set_flag \"run.$FAULT_SEQ\"",
          "  if [ -n \"${FAULT_FLAG_LENGTH:-}\" ]; then",
          "    charms.reactive set_flag \"$(head -c \"$FAULT_FLAG_LENGTH\" /dev/zero | tr '\\0' f)\"",
          "  fi",
          "  if [ -n \"${FAULT_FAIL:-}\" ]; then exit 3; fi",
          "}",
          "reactive_handler_main",
          ""));
      Files.setPosixFilePermissions(handler, PosixFilePermissions.fromString("rwx------"));
    }
    return dir;
  }

  static Path stateFile(Path charm) {
    return charm.resolve(".unit-state.json");
  }

  static StateDocument state(Path charm) throws IOException {
    Path file = stateFile(charm);
    return Files.exists(file) ? StateCodec.decode(Files.readAllBytes(file), file.toString())
        : StateDocument.empty();
  }

  static long temporaryFiles(Path charm) throws IOException {
    try (Stream<Path> files = Files.list(charm)) {
      return files.filter(p -> p.getFileName().toString().matches("\\.\\.unit-state\\.json\\.\\d+\\.tmp"))
          .count();
    }
  }

  /** A hook process and its open hook; waiting for it finishes the hook with its exit code. */
  record Run(Process process, Path stderr, OpenHook hook) {
    int waitFor() throws InterruptedException {
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "a hook did not finish in 120 s");
      hook.finish(process.exitValue());
      return process.exitValue();
    }

    /** What the hook reported: its standard error, then what it sent to juju-log. */
    String errors() {
      try {
        StringBuilder all = new StringBuilder(Files.readString(stderr, StandardCharsets.UTF_8));
        hook.tools().logs().forEach(l -> all.append(l.level()).append(' ').append(l.message())
            .append('\n'));
        return all.toString();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  Run start(Kind kind, Path charm, Map<String, String> env, Integer fileSizeLimitKiB)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (fileSizeLimitKiB != null) {
      command.addAll(List.of("bash", "-c", "ulimit -f " + fileSizeLimitKiB + "; exec \"$@\"", "hook"));
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
        "-cp", System.getProperty("java.class.path"),
        kind == Kind.JAVA ? FaultCharm.class.getName() : "charms.reactive.bash.ReactiveMain"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(charm.toFile());
    OpenHook hook = harness(kind, charm).open(
        HookEvent.unit(env.getOrDefault("JUJU_HOOK_NAME", "update-status")), UNIT);
    misbehave(hook.tools(), env);
    Map<String, String> e = builder.environment();
    e.keySet().removeIf(k -> k.startsWith("JUJU_") || k.startsWith("FAULT_") || k.startsWith("CHARMS_"));
    e.putAll(hook.environment());
    e.put("FAULT_SEQ", Integer.toString(++seq));
    env.forEach((k, v) -> {
      if (!k.equals("JUJU_HOOK_NAME")) {
        e.put(k, v);
      }
    });
    Path stderr = Files.createTempFile(work, "hook-", ".err");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
    try {
      return new Run(builder.start(), stderr, hook);
    } catch (IOException | RuntimeException failed) {
      hook.close();
      throw failed;
    }
  }

  Run runToEnd(Kind kind, Path charm, Map<String, String> env) throws Exception {
    Run run = start(kind, charm, env, null);
    run.waitFor();
    return run;
  }

  static void kill(Process process) {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroyForcibly(); // SIGKILL
    tree.forEach(ProcessHandle::destroyForcibly);
  }

  /** Whether the hook with this sequence number is committed, checking it is all or nothing. */
  static boolean committed(Kind kind, StateDocument s, String seq) {
    boolean run = s.flags().containsKey("run." + seq);
    if (kind == Kind.JAVA) {
      assertEquals(run, s.data().containsKey("hook." + seq),
          "flag and data of hook " + seq + " committed together");
      if (s.data().containsKey("last") && s.data().get("last").asText().equals(seq)) {
        assertEquals(FaultCharm.blob(seq), s.data().get("blob").asText(), "blob of hook " + seq);
      }
    } else {
      if (s.flags().containsKey("blob") && s.flags().get("blob").asText().endsWith("x" + seq)) {
        assertEquals(BASH_BLOB + seq, s.flags().get("blob").asText(), "blob of hook " + seq);
      }
      for (int i = 1; i <= BULK; i++) {
        assertEquals(run, s.flags().containsKey("bulk." + seq + "." + i),
            "all or none of hook " + seq + "'s flags: bulk." + seq + "." + i);
      }
    }
    return run;
  }

  // ---- kill -9 ----

  void killTrials(Kind kind) throws Exception {
    Path charm = charm(kind, "kill");
    Random random = new Random(SEED + kind.ordinal());
    long total = 0;
    for (int i = 0; i < 3; i++) { // warm-up hooks: committed, and a measure of a hook's length
      long t0 = System.nanoTime();
      Run run = runToEnd(kind, charm, Map.of());
      assertEquals(0, run.waitFor(), run::errors);
      total += System.nanoTime() - t0;
    }
    long hookNanos = total / 3;
    int committed = 0;
    int rolledBack = 0;
    int inCommit = 0;
    int finishedFirst = 0;
    long expectedCount = kind == Kind.JAVA ? state(charm).data().get("count").asLong() : 0;
    List<String> committedSeqs = new ArrayList<>();
    state(charm).flags().keySet().stream().filter(f -> f.startsWith("run.")).forEach(committedSeqs::add);
    for (int t = 0; t < TRIALS; t++) {
      StateDocument before = state(charm);
      Run run = start(kind, charm, Map.of(), null);
      String mine = Integer.toString(seq);
      // half the kills anywhere in the hook, half near its end, where the commit is
      double at = random.nextBoolean() ? random.nextDouble() * 1.1 : 0.7 + random.nextDouble() * 0.5;
      long delay = (long) (at * hookNanos);
      if (run.process().waitFor(delay, TimeUnit.NANOSECONDS)) {
        finishedFirst++;
      } else {
        kill(run.process());
      }
      int exit = run.waitFor();
      inCommit += temporaryFiles(charm) > 0 ? 1 : 0;
      StateDocument after = state(charm); // any torn file fails here, naming the file
      if (committed(kind, after, mine)) {
        committed++;
        committedSeqs.add("run." + mine);
        assertTrue(kind == Kind.JAVA ? after.data().get("last").asText().equals(mine)
            : after.flags().get("blob").asText().equals(BASH_BLOB + mine), "the newest hook's values");
        if (kind == Kind.JAVA) {
          expectedCount++;
          assertEquals(expectedCount, after.data().get("count").asLong(), "no lost update");
        }
      } else {
        assertNotEquals(0, exit, "a hook that exited 0 committed");
        assertEquals(before, after, "a killed hook before its commit leaves the state as it was");
        rolledBack++;
      }
      for (String flag : committedSeqs) {
        assertTrue(after.flags().containsKey(flag), "committed " + flag + " lost");
      }
    }
    long leftBehind = temporaryFiles(charm);
    Run clean = runToEnd(kind, charm, Map.of());
    assertEquals(0, clean.waitFor(), clean::errors);
    assertEquals(0, temporaryFiles(charm), "the next hook removes temporary files of killed commits");
    assertTrue(leftBehind == 0 || clean.errors().contains("left by an interrupted commit"),
        clean::toString);
    figures.add(String.format("FAULTS kill -9 %s charm: %d trials, %d committed, %d rolled back, "
            + "%d finished before the kill, %d killed inside the commit (temporary file left), "
            + "0 torn, 0 lost; hook ~%d ms", kind, TRIALS, committed, rolledBack, finishedFirst,
        inCommit, TimeUnit.NANOSECONDS.toMillis(hookNanos)));
  }

  @Test
  @Order(1)
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void killedJavaHooksLeaveTheOldOrTheNewStateNeverAMix() throws Exception {
    killTrials(Kind.JAVA);
  }

  @Test
  @Order(2)
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void killedBashHooksLeaveTheOldOrTheNewStateNeverAMix() throws Exception {
    killTrials(Kind.BASH);
  }

  @Test
  @Order(3)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void killedInsideTheCommitTheStateIsTheLastCommittedOrTheNext() throws Exception {
    Path file = Files.createDirectories(work.resolve("commit-loop")).resolve(".unit-state.json");
    Random random = new Random(SEED + 7);
    long next = 1;
    int leftovers = 0;
    int trials = TRIALS;
    for (int t = 0; t < trials; t++) {
      Path printedFile = Files.createTempFile(work, "commits-", ".out");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
          CommitLoop.class.getName(), file.toString(), Long.toString(next))
          .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(printedFile.toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(printedFile).contains("\n") && System.nanoTime() < deadline
          && p.isAlive()) {
        Thread.sleep(5); // until the first commit is done: the JVM is up and committing
      }
      assertTrue(Files.readString(printedFile).startsWith(next + "\n"), "the loop committed");
      Thread.sleep(random.nextInt(150));
      p.destroyForcibly();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      List<String> lines = Files.readAllLines(printedFile).stream().filter(l -> !l.isBlank()).toList();
      long printed = Long.parseLong(lines.get(lines.size() - 1).strip());
      leftovers += temporaryFiles(file.getParent()) > 0 ? 1 : 0;
      StateDocument s = StateCodec.decode(Files.readAllBytes(file), file.toString());
      long seq = s.data().get("seq").asLong();
      assertTrue(seq == printed || seq == printed + 1, "committed " + seq + " after " + printed);
      assertEquals(CommitLoop.blob(seq), s.data().get("blob").asText(), "document " + seq + " whole");
      next = seq + 1;
    }
    figures.add(String.format("FAULTS kill -9 inside the commit (a process that only commits 2 MB "
        + "documents): %d trials, %d left a temporary file, 0 torn, 0 lost", trials, leftovers));
  }

  // ---- concurrency ----

  @Test
  @Order(4)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void concurrentHooksOfOneUnitLoseNoUpdate() throws Exception {
    for (Kind kind : Kind.values()) {
      Path charm = charm(kind, "concurrent");
      int hooks = 0;
      int waits = 0;
      long slowest = 0;
      for (int n : kind == Kind.JAVA ? new int[] {2, 4, 8} : new int[] {4}) {
        long t0 = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          runs.add(start(kind, charm, Map.of(), null));
          seqs.add(Integer.toString(seq));
        }
        for (Run run : runs) {
          assertEquals(0, run.waitFor(), run::errors);
          for (String line : run.errors().split("\n")) {
            if (line.contains("waited ") && line.contains(".unit-state.json.lock")) {
              waits++;
              slowest = Math.max(slowest, Long.parseLong(line.replaceAll(".*waited (\\d+) ms.*", "$1")));
            }
          }
        }
        hooks += n;
        StateDocument s = state(charm);
        for (String mine : seqs) {
          assertTrue(committed(kind, s, mine), "hook " + mine + " of " + n + " concurrent ones lost");
        }
        if (kind == Kind.JAVA) {
          assertEquals(hooks, s.data().get("count").asLong(), "read-modify-write under the lock");
        }
        figures.add(String.format("FAULTS concurrent %s charm: %d hooks at once in %d ms, 0 lost",
            kind, n, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
      }
      figures.add(String.format("FAULTS concurrent %s charm: %d hooks, %d waited over 1 s for the "
          + "lock (longest %d ms), each reported", kind, hooks, waits, slowest));
    }
  }

  // ---- a failing handler, a full disk ----

  @Test
  @Order(5)
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aFailingHandlerOrAFullDiskCommitsNothing() throws Exception {
    for (Kind kind : Kind.values()) {
      Path charm = charm(kind, "fail");
      assertEquals(0, runToEnd(kind, charm, Map.of()).waitFor());
      byte[] before = Files.readAllBytes(stateFile(charm));

      Run failing = runToEnd(kind, charm, Map.of("FAULT_FAIL", "1"));
      assertNotEquals(0, failing.waitFor());
      assertArrayEquals(before, Files.readAllBytes(stateFile(charm)), kind + ": failed hook");
      assertTrue(failing.errors().contains(kind == Kind.JAVA ? "failing on purpose" : "bump"),
          failing::toString);

      // either charm's state is several hundred KB
      Run full = start(kind, charm, Map.of(), 64);
      int exit = full.waitFor();
      String errors = full.errors();
      assertNotEquals(0, exit, errors);
      assertArrayEquals(before, Files.readAllBytes(stateFile(charm)), kind + ": full disk");
      assertTrue(errors.contains("cannot commit unit state " + stateFile(charm)), errors);
      assertTrue(errors.contains("File too large"), errors);
      assertEquals(0, temporaryFiles(charm), "a failed commit removes its temporary file");
    }
    figures.add("FAULTS failing handler and full disk (ulimit -f): 4 hooks, 4 failed with a "
        + "named error, state file byte-identical, no temporary file left");
  }

  // ---- bad inputs ----

  record BadInput(String name, Kind kind, Map<String, String> env, String file, String content,
      String expected) {
  }

  @Test
  @Order(6)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void everyBadInputFailsWithANamedErrorAndCommitsNothing() throws Exception {
    List<BadInput> inputs = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      inputs.add(new BadInput("1,000,000-character flag name", kind,
          Map.of("FAULT_FLAG_LENGTH", kind == Kind.JAVA ? "1000000" : "200000"), null, null,
          "limited to 1024 characters; this one has " + (kind == Kind.JAVA ? "1000000" : "200000")));
      inputs.add(new BadInput("malformed metadata.yaml", kind, Map.of(), "metadata.yaml",
          "name: fault\nsummary: [unclosed\n", "metadata.yaml at line 3"));
      inputs.add(new BadInput("malformed actions.yaml", kind, Map.of(), "actions.yaml",
          "backup:\n  description: x\n bad: indent\n", "actions.yaml at line 3"));
      inputs.add(new BadInput("empty is-leader output", kind, Map.of("FAULT_TOOL_EMPTY_LEADER", "1"),
          null, null, "is-leader --format=json printed nothing; expected true or false"));
      inputs.add(new BadInput("NUL and escape in tool output", kind, Map.of("FAULT_TOOL_NUL", "1",
          "JUJU_HOOK_NAME", "config-changed"), null, null, "a\\u0000b\\u001b[31m"));
      inputs.add(new BadInput("JSON nested 1,500 deep", kind, Map.of("FAULT_TOOL_DEEP", "1",
          "JUJU_HOOK_NAME", "config-changed"), null, null, "beyond a limit of the JSON reader"));
    }
    inputs.add(new BadInput("data key with a newline", Kind.JAVA, Map.of("FAULT_KEY", "a\nb"), null,
        null, "invalid data key 'a\\u000ab': control character at index 1"));
    int named = 0;
    for (BadInput input : inputs) {
      Path charm = charm(input.kind(), "bad-" + named);
      assertEquals(0, runToEnd(input.kind(), charm, Map.of()).waitFor());
      byte[] before = Files.readAllBytes(stateFile(charm));
      if (input.file() != null) {
        Files.writeString(charm.resolve(input.file()), input.content());
      }
      Run run = runToEnd(input.kind(), charm, input.env());
      String errors = run.errors();
      assertNotEquals(0, run.waitFor(), input + errors);
      assertArrayEquals(before, Files.readAllBytes(stateFile(charm)), input.name() + ": committed");
      assertTrue(errors.contains(input.expected()), input.name() + " (" + input.kind() + "): " + errors);
      assertFalse(errors.contains("\u0000"), input.name() + ": a NUL reached the log");
      named++;
    }
    figures.add("FAULTS bad inputs: " + inputs.size() + " tried (" + (inputs.size() - 1) / 2
        + " per charm, and a data key with a newline for Java), " + named
        + " named errors, 0 committed");
  }
}
