package charms.reactive.examples.demo;

import charms.reactive.DispatchTrace;
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
import java.util.function.UnaryOperator;

/**
 * The README's main job: the web-demo charm through a realistic sequence of hooks on the
 * embedded fake Juju, printing for each hook what ran and why, the hook-tool calls, the resulting
 * flags and the status.
 */
public final class Demo implements AutoCloseable {
  private final Harness harness;
  private final RecordingProcessRunner processes;
  private final PrintStream out;
  private JujuState state;

  Demo(Path charmDir, Path configFile, PrintStream out) {
    this.processes = new RecordingProcessRunner();
    this.harness = Harness.of(charmDir, WebDemoCharm.charm(configFile, processes));
    this.out = out;
    this.state = harness.state().withLeader(true).withConfig("admin-pass", "s3cret");
  }

  public static void main(String[] args) throws Exception {
    Path charm = Path.of(args.length > 0 ? args[0] : "charms/web-demo");
    if (!Files.exists(charm.resolve("metadata.yaml"))) {
      charm = Path.of("examples").resolve(charm);
    }
    Path work = Files.createTempDirectory("web-demo");
    Demo demo = new Demo(charm, work.resolve("app.conf"), System.out);
    try (demo) {
      demo.run();
    }
  }

  @Override
  public void close() {
    harness.close();
  }

  /** Runs the sequence; returns the outcomes. */
  List<HookOutcome> run() {
    List<HookOutcome> outcomes = new ArrayList<>();
    for (HookEvent event : harness.installEvents(state)) {
      outcomes.add(step(event, s -> s));
    }
    RelationState db = RelationState.of("db", 1, "postgresql").withInterface("pgsql")
        .withRemoteUnit("postgresql/0", Map.of("host", "10.0.0.7", "port", "5432", "user", "web"));
    outcomes.add(step(HookEvent.relationCreated(db), s -> s.withRelation(db)));
    outcomes.add(step(HookEvent.relationJoined(db, "postgresql/0"), s -> s));
    outcomes.add(step(HookEvent.relationChanged(db, "postgresql/0"), s -> s));
    outcomes.add(step(HookEvent.updateStatus(), s -> s));
    outcomes.add(step(HookEvent.configChanged(), s -> s.withConfig("admin-pass", "n3w-s3cret")));
    outcomes.add(step(HookEvent.relationDeparted(state.requireRelation(1), "postgresql/0"), s -> s));
    outcomes.add(step(HookEvent.relationBroken(state.requireRelation(1)), s -> s));
    return outcomes;
  }

  private HookOutcome step(HookEvent event, UnaryOperator<JujuState> change) {
    state = change.apply(state);
    processes.clear();
    HookOutcome outcome = harness.run(event, state);
    state = outcome.state();
    print(outcome);
    return outcome;
  }

  private void print(HookOutcome outcome) {
    out.println("=== " + outcome.event().hookName() + (outcome.succeeded() ? "" : "  (FAILED)"));
    DispatchTrace trace = outcome.run().map(r -> r.trace()).orElse(null);
    if (trace != null) {
      for (DispatchTrace.Pass pass : trace.passes()) {
        List<String> lines = new ArrayList<>();
        for (DispatchTrace.Decision d : pass.decisions()) {
          switch (d.outcome()) {
            case RAN -> lines.add("    ran      " + d.handlerId());
            case FAILED -> lines.add("    FAILED   " + d.handlerId());
            case DROPPED -> lines.add("    dropped  " + d.handlerId() + " -- " + d.reason());
            case SKIPPED -> {
              // a handler of the other phase is not news in the hooks phase, nor the reverse
              if (!d.verdict().reason().startsWith("waits for phase ")) {
                lines.add("    skipped  " + d.handlerId() + " -- " + d.reason());
              }
            }
            default -> lines.add("    " + d.outcome().name().toLowerCase() + " " + d.handlerId());
          }
        }
        if (pass.phase() == charms.reactive.Phase.OTHER && pass.ran().isEmpty() && pass.iteration() > 0) {
          out.println("  iteration " + pass.iteration() + ": nothing more matches -- quiescent");
          continue;
        }
        out.println("  " + (pass.phase() == charms.reactive.Phase.OTHER ? "iteration " + pass.iteration()
            : pass.phase().label() + " phase") + ":");
        lines.forEach(out::println);
      }
    }
    processes.commands().forEach(c -> out.println("  would run: " + String.join(" ", c)));
    out.println("  hook tools: " + outcome.toolCalls().stream().map(c -> c.tool()).distinct().toList()
        + " (" + outcome.toolCalls().size() + " process starts)");
    out.println("  flags:  " + outcome.flags());
    out.println("  status: " + outcome.state().unitStatus().name() + " -- " + outcome.state().unitStatus().message());
    outcome.error().ifPresent(e -> out.println("  error:  " + e));
    out.println();
  }
}
