package charms.reactive.bash.bench;

import charms.reactive.HookEnvironment;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.bash.ExternalHandlers;
import charms.reactive.state.MemoryStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A side-by-side harness (not JMH: what is measured is process starts) for two figures:
 * <ol>
 *   <li>the cost of one {@code charms.reactive} call inside a hook, timed by bash itself around
 *       each call ({@code EPOCHREALTIME}), 500 calls, median and 90th percentile;
 *   <li>the whole-hook cost of one bash file with 5 handler functions: the first hook (all five
 *       run, chained through flags) and a steady hook (none runs), each repeated, median wall time.
 * </ol>
 * Run: {@code mvn -q -pl reactive-bash -am install -DskipTests && mvn -q -pl reactive-bash
 * -Pbench test-compile exec:java}
 */
public final class BashBenchmark {
  private BashBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("bash-bench");
    cliCalls(dir.resolve("cli"));
    wholeHook(dir.resolve("hook"));
  }

  static void cliCalls(Path charm) throws Exception {
    Path out = charm.resolve("times.txt");
    handler(charm, "reactive/calls.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when_not 'bench.done'",
        "function calls() {",
        "  local i t0 t1",
        "  for ((i = 0; i < 500; i++)); do",
        "    t0=$EPOCHREALTIME",
        "    charms.reactive is_flag_set bench.flag",
        "    t1=$EPOCHREALTIME",
        "    echo \"${t0/./} ${t1/./}\" >> \"" + out + "\"",
        "  done",
        "  set_flag bench.done",
        "}",
        "reactive_handler_main");
    HookRun run = charm().execute(env(charm, "install"));
    if (!run.succeeded()) {
      throw new IllegalStateException(run.error().orElseThrow());
    }
    List<Double> millis = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      String[] t = line.split(" ");
      millis.add((Long.parseLong(t[1]) - Long.parseLong(t[0])) / 1000.0);
    }
    report("charms.reactive call inside a hook", millis);
  }

  static void wholeHook(Path charm) throws Exception {
    handler(charm, "reactive/five.sh",
        "#!/bin/bash",
        "source charms.reactive.sh",
        "@when_not 'a'",
        "function one() { set_flag a; }",
        "@when 'a'",
        "@when_not 'b'",
        "function two() { set_flag b; }",
        "@when 'b'",
        "@when_not 'c'",
        "function three() { set_flag c; }",
        "@when 'c'",
        "@when_not 'd'",
        "function four() { set_flag d; }",
        "@when 'd'",
        "@when_not 'e'",
        "function five() { set_flag e; }",
        "reactive_handler_main");
    List<Double> first = new ArrayList<>();
    List<Double> steady = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ReactiveCharm fresh = charm();
      first.add(time(fresh, charm, "install"));
      steady.add(time(fresh, charm, "update-status"));
    }
    report("first hook, 5 bash functions (all run)", first.subList(2, first.size()));
    report("steady hook, 5 bash functions (none runs)", steady.subList(2, steady.size()));
  }

  static double time(ReactiveCharm charm, Path dir, String hook) {
    long t0 = System.nanoTime();
    HookRun run = charm.execute(env(dir, hook));
    double ms = (System.nanoTime() - t0) / 1e6;
    if (!run.succeeded()) {
      throw new IllegalStateException(run.error().orElseThrow());
    }
    return ms;
  }

  /** A charm of the directory's external handlers with a fresh unit state and no log. */
  static ReactiveCharm charm() {
    MemoryStateStore store = new MemoryStateStore();
    return ReactiveCharm.builder().stateStore(s -> store).log(s -> (l, m) -> { })
        .use(ExternalHandlers.discover()).build();
  }

  static HookEnvironment env(Path dir, String hook) {
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_HOOK_NAME", hook);
    env.put("JUJU_UNIT_NAME", "bench/0");
    env.put("CHARM_DIR", dir.toString());
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    return HookEnvironment.of(env);
  }

  static void handler(Path charm, String relative, String... lines) throws Exception {
    Path file = charm.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }

  static void report(String what, List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    double median = sorted.get(sorted.size() / 2);
    double p90 = sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.9)));
    System.out.printf("%-45s n=%4d  median %7.2f ms  p90 %7.2f ms%n", what, sorted.size(), median, p90);
  }
}
