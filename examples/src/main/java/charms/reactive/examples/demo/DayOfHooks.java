package charms.reactive.examples.demo;

import charms.reactive.ReactiveCharm;
import charms.reactive.fs.ProcessRunner;
import charms.reactive.fs.testing.RecordingProcessRunner;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.RelationState;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A simulated day of one web-demo unit on the embedded fake Juju, for both ways of writing the
 * charm ({@link WebDemoCharm} with stable handlers and facts, {@link OriginalWebDemoCharm} as
 * written for the original): the install hooks, a database relation, then 288
 * {@code update-status} hooks (one every five minutes) with three {@code config-changed} hooks
 * among them (a new password at 06:00, the same config again at 12:00, another password at
 * 18:00). Counts handler runs, hook-tool process starts, renders and service restarts.
 *
 * <p>Run from the repository root:
 * {@code mvn -B -q -DskipTests -pl examples -am package exec:java -Dexec.mainClass=charms.reactive.examples.demo.DayOfHooks}
 */
public final class DayOfHooks {
  /** The handlers that render the template, in either version. */
  static final java.util.Set<String> RENDERERS = java.util.Set.of("seed.render-config",
      "seed.configure");
  /** Update-status hooks in a day. */
  public static final int UPDATE_STATUS = 288;

  /** What one version of the charm did over the day. */
  public record Figures(String charm, int hooks, int handlerRuns, int idleHandlerRuns,
      int idleHooks, int toolCalls, int idleToolCalls, int restarts, int idleRestarts,
      int renders, String idleTrace) {
  }

  private DayOfHooks() {
  }

  public static void main(String[] args) throws Exception {
    Path charm = Path.of(args.length > 0 ? args[0] : "charms/web-demo");
    if (!Files.exists(charm.resolve("metadata.yaml"))) {
      charm = Path.of("examples").resolve(charm);
    }
    List<Figures> both = List.of(
        run(charm, "stable handlers and facts (WebDemoCharm)", WebDemoCharm::charm),
        run(charm, "as for the original (OriginalWebDemoCharm)", OriginalWebDemoCharm::charm));
    print(both, System.out);
  }

  /** Runs the day for one version of the charm. */
  public static Figures run(Path charmDir, String name,
      BiFunction<Path, ProcessRunner, ReactiveCharm> charm) throws Exception {
    Path work = Files.createTempDirectory("day-of-hooks");
    Path config = work.resolve("app.conf");
    RecordingProcessRunner processes = new RecordingProcessRunner();
    try (Harness harness = Harness.of(charmDir, charm.apply(config, processes))) {
      Counter counter = new Counter(processes);
      JujuState state = harness.state().withLeader(true).withConfig("admin-pass", "s3cret");
      for (HookEvent event : harness.installEvents(state)) {
        state = counter.run(harness, event, state, false);
      }
      RelationState db = RelationState.of("db", 1, "postgresql").withInterface("pgsql")
          .withRemoteUnit("postgresql/0", Map.of("host", "10.0.0.7", "port", "5432", "user", "web"));
      state = counter.run(harness, HookEvent.relationCreated(db), state.withRelation(db), false);
      state = counter.run(harness, HookEvent.relationJoined(db, "postgresql/0"), state, false);
      state = counter.run(harness, HookEvent.relationChanged(db, "postgresql/0"), state, false);
      for (int i = 1; i <= UPDATE_STATUS; i++) {
        if (i == 72) {
          state = counter.run(harness, HookEvent.configChanged(), state.withConfig("admin-pass", "n3w"), false);
        } else if (i == 144) {
          state = counter.run(harness, HookEvent.configChanged(), state, false);
        } else if (i == 216) {
          state = counter.run(harness, HookEvent.configChanged(), state.withConfig("admin-pass", "l4st"), false);
        }
        state = counter.run(harness, HookEvent.updateStatus(), state, true);
      }
      return counter.figures(name);
    }
  }

  /** Prints both versions' figures as a table, then each one's trace of an idle update-status. */
  public static void print(List<Figures> figures, PrintStream out) {
    out.printf("%-44s %6s %13s %21s %16s %9s %9s%n", "charm", "hooks", "handler runs",
        "runs in idle u-s", "hook-tool calls", "renders", "restarts");
    for (Figures f : figures) {
      out.printf("%-44s %6d %13d %21s %16d %9d %9d%n", f.charm(), f.hooks(), f.handlerRuns(),
          f.idleHandlerRuns() + " in " + f.idleHooks(), f.toolCalls(), f.renders(), f.restarts());
    }
    for (Figures f : figures) {
      out.println();
      out.println("an idle update-status, " + f.charm() + ":");
      out.print(f.idleTrace());
    }
  }

  private static final class Counter {
    private final RecordingProcessRunner processes;
    private final List<HookOutcome> outcomes = new ArrayList<>();
    private int handlerRuns;
    private int idleHandlerRuns;
    private int idleHooks;
    private int toolCalls;
    private int idleToolCalls;
    private int restarts;
    private int idleRestarts;
    private int renders;
    private String idleTrace = "";

    Counter(RecordingProcessRunner processes) {
      this.processes = processes;
    }

    JujuState run(Harness harness, HookEvent event, JujuState state, boolean idle)
        throws Exception {
      processes.clear();
      HookOutcome outcome = harness.run(event, state);
      if (!outcome.succeeded()) {
        throw new IllegalStateException(event.hookName() + " failed: " + outcome.error());
      }
      outcomes.add(outcome);
      int runs = outcome.handlersRun().size();
      int restartsNow = (int) processes.commands().stream()
          .filter(c -> c.contains("restart")).count();
      handlerRuns += runs;
      toolCalls += outcome.toolCalls().size();
      restarts += restartsNow;
      renders += (int) outcome.handlersRun().stream().filter(RENDERERS::contains).count();
      if (idle) {
        idleHooks++;
        idleHandlerRuns += runs;
        idleToolCalls += outcome.toolCalls().size();
        idleRestarts += restartsNow;
        if (idleTrace.isEmpty() && idleHooks == 10) {
          idleTrace = outcome.run().orElseThrow().trace().render();
        }
      }
      return outcome.state();
    }

    Figures figures(String name) {
      return new Figures(name, outcomes.size(), handlerRuns, idleHandlerRuns, idleHooks, toolCalls,
          idleToolCalls, restarts, idleRestarts, renders, idleTrace);
    }
  }
}
