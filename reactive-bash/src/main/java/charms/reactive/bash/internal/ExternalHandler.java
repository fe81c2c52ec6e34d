package charms.reactive.bash.internal;

import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.Handler;
import charms.reactive.HandlerContext;
import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.HookView;
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
 * An executable handler file run with the original's protocol: {@code <file> --test} exits 0 to
 * be invoked (printing, optionally, what to pass on: for {@code charms.reactive.sh}, the
 * comma-separated functions to run) or non-zero not to be; {@code <file> --invoke <output>} then
 * receives that output byte for byte, trailing newline included. Both run with the hook's
 * environment plus a private channel to this hook's dispatcher, opened for that one process, so
 * {@code charms.reactive} calls act on the hook's transaction. The phase and flag watch are applied
 * per function by {@code charms.reactive test}; after a successful invoke the framework marks the
 * {@code @only_once} functions it ran and stores their file digests.
 *
 * <p>{@code --test} runs once per pass: from a met test until the file is invoked, the
 * dispatcher's re-tests (after other handlers changed flags) start no process. They evaluate the
 * decorators the file declared at its {@code --test} in this JVM (a file whose functions no longer
 * hold is dropped from the pass); a file that declared none keeps its verdict. While the file is
 * being tested its calls read the condition view it was given (the pass's snapshot) and have no
 * writable hook: a call that would change state fails the call and the hook.
 *
 * <p>A file that cannot be executed is an error naming it; a {@code --test} exit code other than
 * 0 or 1, or a failing {@code --invoke}, fails the hook naming the file and exit code.
 */
public final class ExternalHandler {
  private final Path file;
  private final String id;
  private final Map<String, FunctionSpec> tested = new HashMap<>();
  private final List<FunctionSpec> declared = new ArrayList<>();
  private final java.util.Set<String> dropped = new java.util.HashSet<>();
  private ConditionContext lastTestContext;
  private String lastTestOutput = "";
  /** True from a met {@code --test} until the file is invoked: re-tests start no process. */
  private boolean queued;

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
      if (queued) {
        return retest(context);
      }
      lastTestContext = context;
      tested.clear();
      declared.clear();
      ProcessOutcome outcome = run(List.of("--test"), new Session(context, null), true);
      if (outcome.exitCode() == 0) {
        lastTestOutput = passable(outcome.stdout());
        queued = true;
        return Verdict.met("functions to run: ", lastTestOutput.strip());
      }
      if (outcome.exitCode() == 1) {
        return Verdict.unmet("no function of the file matches", null);
      }
      throw new ReactiveException("external handler " + id + " --test failed with exit code "
          + outcome.exitCode());
    }

    /** A re-test within the pass: the declared functions, evaluated here, no process. */
    private Verdict retest(ConditionContext context) {
      if (declared.isEmpty()) {
        return Verdict.met("functions to run: ", lastTestOutput.strip());
      }
      Session session = new Session(context, null);
      for (FunctionSpec spec : declared) {
        if (new FunctionConditions(spec).holds(session)) {
          return Verdict.met("functions to run: ", lastTestOutput.strip());
        }
      }
      queued = false;
      return Verdict.unmet("no function of the file matches any more", null);
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

  /**
   * The {@code --test} output as the argument of {@code --invoke}, unchanged. Arguments reach the
   * process encoded with the JVM's locale charset: output that it cannot carry unchanged (not
   * UTF-8, or non-ASCII under a non-UTF-8 locale) is an error naming the file, never mangled.
   */
  private String passable(byte[] output) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(output)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ReactiveException("external handler " + id + " --test printed output that is not "
          + "UTF-8; it cannot be passed to --invoke unchanged");
    }
    String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (!charset.equalsIgnoreCase("UTF-8") && text.chars().anyMatch(c -> c > 0x7f)) {
      throw new ReactiveException("external handler " + id + " --test printed non-ASCII output, "
          + "which this JVM's locale charset (" + charset + ") cannot pass to --invoke unchanged; "
          + "run the hook with a UTF-8 locale (LC_ALL=C.UTF-8)");
    }
    if (text.indexOf('\0') >= 0) {
      throw new ReactiveException("external handler " + id + " --test printed a NUL byte, which "
          + "no process argument can hold");
    }
    return text;
  }

  private void invoke(HandlerContext context) {
    queued = false;
    Map<String, FunctionSpec> toFinish = new HashMap<>(tested);
    dropped.clear();
    Session session = new Session(lastTestContext, context);
    ProcessOutcome outcome = run(List.of("--invoke", lastTestOutput), session, false);
    if (outcome.exitCode() != 0) {
      throw new ReactiveException("external handler " + id + " --invoke " + lastTestOutput.strip()
          + " failed with exit code " + outcome.exitCode());
    }
    for (String name : lastTestOutput.strip().split(",")) {
      FunctionSpec spec = toFinish.get(name);
      if (spec != null && !dropped.contains(name)) {
        new FunctionConditions(spec).succeeded(session);
      }
    }
  }

  record ProcessOutcome(int exitCode, byte[] stdout) {
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
    env.put("PATH", BashScripts.binDir() + ":" + hook.get("PATH").orElse("/usr/local/bin:/usr/bin:/bin"));
    builder.directory(hook.charmDir().toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    requireExecutableFormat();
    java.util.Queue<String> problems = new java.util.concurrent.ConcurrentLinkedQueue<>();
    ChannelServer channel = ChannelServer.open(id + " " + args.get(0), problems::add);
    env.put("CHARMS_REACTIVE_CHANNEL", channel.address());
    env.put("CHARMS_REACTIVE_TOKEN", channel.token());
    ChannelOutput output = new ChannelOutput(captureStdout);
    try {
      Process process = channel.serve(() -> output.attach(builder.start()), new Commands(session));
      return new ProcessOutcome(process.waitFor(), output.stdout.join());
    } catch (ChannelServer.ChannelCommandException e) {
      throw new ReactiveException(e.getMessage(), e.getCause());
    } catch (IOException e) {
      throw new ReactiveException("cannot run external handler " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReactiveException("interrupted while running external handler " + file, e);
    } finally {
      channel.close();
      for (String problem : problems) {
        session.warn("charms.reactive channel: " + problem);
      }
    }
  }

  /** Passes the handler's standard error on, and captures or passes on its standard output. */
  private static final class ChannelOutput {
    private final boolean capture;
    private CompletableFuture<byte[]> stdout;

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

  private static CompletableFuture<byte[]> read(InputStream in) {
    CompletableFuture<byte[]> text = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        text.complete(out.toByteArray());
      } catch (IOException e) {
        text.completeExceptionally(new java.io.UncheckedIOException(
            "cannot read the output of an external handler's --test", e));
      }
    }, "external-handler-stdout");
    reader.setDaemon(true);
    reader.start();
    return text;
  }

  private static CompletableFuture<byte[]> pump(InputStream in, java.io.PrintStream to) {
    CompletableFuture<byte[]> done = new CompletableFuture<>();
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
      done.complete(new byte[0]);
    }, "external-handler-output");
    pump.setDaemon(true);
    pump.start();
    return done;
  }

  /**
   * The command context of one run of the file: while it is tested, the condition view its test
   * was given and no writable hook (so nothing can change state); when invoked, the handler's
   * context as the hook to change, and the test's phase and flag watch for the functions' re-tests.
   */
  private final class Session implements CommandContext {
    private final ConditionContext test;
    private final HandlerContext handler;

    Session(ConditionContext test, HandlerContext handler) {
      this.test = test;
      this.handler = handler;
    }

    @Override
    public HookView view() {
      return handler == null ? test : HookView.readOnly(handler);
    }

    @Override
    public Optional<HookContext> hook() {
      return Optional.ofNullable(handler);
    }

    HookEnvironment environment() {
      return test.environment();
    }

    @Override
    public Phase phase() {
      return test.phase();
    }

    @Override
    public charms.reactive.HookFacts facts() {
      return test.facts();
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode input(String spec, String handlerId) {
      try {
        return test.input(spec);
      } catch (ReactiveException e) {
        throw new ReactiveException(handlerId + ": " + e.getMessage(), e);
      }
    }

    @Override
    public boolean watched(Collection<String> flags) {
      return test.watched(flags);
    }

    @Override
    public Optional<String> beingTested() {
      return handler == null ? Optional.of(id) : Optional.empty();
    }

    /** A warning in the hook's log, or on standard error (which Juju logs) while testing. */
    void warn(String message) {
      if (handler != null) {
        handler.log().warning(message);
      } else {
        System.err.println("charms.reactive: WARNING: " + message);
      }
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
      for (FunctionSpec spec : specs) {
        if (declared.stream().noneMatch(d -> d.name().equals(spec.name()))) {
          declared.add(spec);
        }
      }
      for (FunctionSpec spec : passed) {
        tested.put(spec.name(), spec);
      }
    }
  }
}
