package charms.reactive.bash.internal;

import charms.reactive.CharmMetadata;
import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.Flags;
import charms.reactive.Handler;
import charms.reactive.HandlerContext;
import charms.reactive.HookEnvironment;
import charms.reactive.KeyValueStore;
import charms.reactive.Phase;
import charms.reactive.ReactiveException;
import charms.reactive.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * An executable handler file run with the original's protocol: {@code <file> --test} prints the
 * comma-separated functions to run (exit 0) or exits 1 for none; {@code <file> --invoke <names>}
 * runs them. Both run with the hook's environment plus the private channel to this hook's
 * dispatcher, so {@code charms.reactive} calls act on the hook's transaction. The phase and flag
 * watch are applied per function by {@code charms.reactive test}; after a successful invoke the
 * framework marks the {@code @only_once} functions it ran and stores their file digests.
 *
 * <p>A file that cannot be executed is an error naming it; a {@code --test} exit code other than
 * 0 or 1, or a failing {@code --invoke}, fails the hook naming the file and exit code.
 */
public final class ExternalHandler {
  private final Path file;
  private final String id;
  private final Map<String, FunctionSpec> tested = new HashMap<>();
  private final java.util.Set<String> dropped = new java.util.HashSet<>();
  private ConditionContext lastTestContext;
  private String lastTestOutput = "";

  public ExternalHandler(Path charmDir, Path file) {
    this.file = file.toAbsolutePath();
    this.id = charmDir.toAbsolutePath().relativize(this.file).toString();
  }

  public String id() {
    return id;
  }

  /** The core handler: tested in every phase, invoked as a process. */
  public Handler toHandler() {
    return Handler.named(id).condition(new ScriptCondition()).run(ctx -> Mono.fromCallable(() -> {
      invoke(ctx);
      return Boolean.TRUE;
    }));
  }

  private final class ScriptCondition implements Condition {
    @Override
    public Verdict test(ConditionContext context) {
      lastTestContext = context;
      tested.clear();
      ProcessOutcome outcome = run(List.of("--test"), new Session(context, null), true);
      if (outcome.exitCode() == 0 && !outcome.stdout().isBlank()) {
        lastTestOutput = outcome.stdout().strip();
        return Verdict.met("functions to run: ", lastTestOutput);
      }
      if (outcome.exitCode() == 0 || outcome.exitCode() == 1) {
        return Verdict.unmet("no function of the file matches", null);
      }
      throw new ReactiveException("external handler " + id + " --test failed with exit code "
          + outcome.exitCode());
    }

    @Override
    public boolean everyPhase() {
      return true;
    }

    @Override
    public String describe() {
      return id + " --test";
    }
  }

  private void invoke(HandlerContext context) {
    Map<String, FunctionSpec> toFinish = new HashMap<>(tested);
    dropped.clear();
    Session session = new Session(lastTestContext, context);
    ProcessOutcome outcome = run(List.of("--invoke", lastTestOutput), session, false);
    if (outcome.exitCode() != 0) {
      throw new ReactiveException("external handler " + id + " --invoke " + lastTestOutput
          + " failed with exit code " + outcome.exitCode());
    }
    for (String name : lastTestOutput.split(",")) {
      FunctionSpec spec = toFinish.get(name);
      if (spec != null && !dropped.contains(name)) {
        new FunctionConditions(spec).succeeded(session);
      }
    }
  }

  record ProcessOutcome(int exitCode, String stdout) {
  }

  private ProcessOutcome run(List<String> args, Session session, boolean captureStdout) {
    List<String> command = new ArrayList<>();
    command.add(file.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.clear();
    HookEnvironment hook = session.environment();
    env.putAll(hook.variables());
    env.put("JUJU_HOOK_NAME", hook.hookName());
    ChannelServer channel = ChannelServer.get();
    env.put("CHARMS_REACTIVE_CHANNEL", channel.address());
    env.put("CHARMS_REACTIVE_TOKEN", channel.token());
    env.put("PATH", BashScripts.binDir() + ":" + hook.get("PATH").orElse("/usr/local/bin:/usr/bin:/bin"));
    builder.directory(hook.charmDir().toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    requireExecutableFormat();
    ChannelOutput output = new ChannelOutput(captureStdout);
    try {
      Process process = channel.serve(() -> output.attach(builder.start()), new Commands(session));
      return new ProcessOutcome(process.waitFor(), output.stdout.join());
    } catch (IOException e) {
      throw new ReactiveException("cannot run external handler " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReactiveException("interrupted while running external handler " + file, e);
    }
  }

  /** Passes the handler's standard error on, and captures or passes on its standard output. */
  private static final class ChannelOutput {
    private final boolean capture;
    private CompletableFuture<String> stdout;

    ChannelOutput(boolean capture) {
      this.capture = capture;
    }

    Process attach(Process process) {
      // Juju logs a hook's standard error and output; the handler's are passed on as they come.
      pump(process.getErrorStream(), System.err);
      stdout = capture ? read(process.getInputStream()) : pump(process.getInputStream(), System.out);
      return process;
    }
  }

  /** The original raises this at test time for a file the kernel refuses (ENOEXEC). */
  private void requireExecutableFormat() {
    byte[] head;
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      head = in.readNBytes(4);
    } catch (IOException e) {
      throw new ReactiveException("cannot read external handler " + file + ": " + e.getMessage(), e);
    }
    boolean shebang = head.length >= 2 && head[0] == '#' && head[1] == '!';
    boolean elf = head.length == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    if (!shebang && !elf) {
      throw new ReactiveException("File at '" + file + "' is marked as executable but execution "
          + "failed. Only handler files may be marked as executable.");
    }
  }

  private static CompletableFuture<String> read(InputStream in) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        text.complete(out.toString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        text.complete("");
      }
    }, "external-handler-stdout");
    reader.setDaemon(true);
    reader.start();
    return text;
  }

  private static CompletableFuture<String> pump(InputStream in, java.io.PrintStream to) {
    CompletableFuture<String> done = new CompletableFuture<>();
    Thread pump = new Thread(() -> {
      try (in) {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
          to.write(buffer, 0, n);
        }
        to.flush();
      } catch (IOException e) {
        // the handler's own output is best effort; its exit code decides
      }
      done.complete("");
    }, "external-handler-output");
    pump.setDaemon(true);
    pump.start();
    return done;
  }

  /** The command context of one run of the file: its test context, and its handler context when invoked. */
  private final class Session implements CommandContext {
    private final ConditionContext test;
    private final HandlerContext handler;

    Session(ConditionContext test, HandlerContext handler) {
      this.test = test;
      this.handler = handler;
    }

    @Override
    public Flags flags() {
      return test.flags();
    }

    @Override
    public HookEnvironment environment() {
      return test.environment();
    }

    @Override
    public CharmMetadata metadata() {
      return test.metadata();
    }

    @Override
    public KeyValueStore records(String owner) {
      return test.records(owner);
    }

    @Override
    public Phase phase() {
      return test.phase();
    }

    @Override
    public boolean watched(Collection<String> flags) {
      return test.watched(flags);
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
      if (handler == null || !handler.services().has(type)) {
        return Optional.empty();
      }
      return Optional.of(handler.service(type));
    }

    @Override
    public void tested(List<FunctionSpec> specs, List<FunctionSpec> passed) {
      if (handler != null) {
        for (FunctionSpec spec : specs) {
          if (!passed.contains(spec)) {
            dropped.add(spec.name());
          }
        }
        return;
      }
      for (FunctionSpec spec : passed) {
        tested.put(spec.name(), spec);
      }
    }
  }
}
