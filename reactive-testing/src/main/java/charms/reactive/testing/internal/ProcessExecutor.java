package charms.reactive.testing.internal;

import charms.reactive.ReactiveCharm;
import charms.reactive.spi.StateCodec;
import charms.reactive.state.StateDocument;
import charms.reactive.testing.HarnessException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs a hook as Juju does: a separate process ({@code java -cp <classpath> <main>}, or a packed
 * charm's own entry point, started with an argument array) with exactly the hook's environment plus
 * {@code CHARMS_REACTIVE_STATE_FILE} pointing at a private temporary file holding the unit
 * state, in the charm directory, stdin from {@code /dev/null}. The exit code decides whether the
 * state file's new content counts. Output is captured through files, so a chatty hook cannot
 * block on a full pipe.
 */
public final class ProcessExecutor implements HookExecutor {
  private final String label;
  private final Function<Request, List<String>> commands;
  private final Set<String> removedVariables;
  private final Duration timeout;

  /** Each hook is {@code java <jvmOptions> -cp <classpath> <mainClass>}. */
  public ProcessExecutor(String mainClass, String classpath, List<String> jvmOptions,
      Duration timeout) {
    this(mainClass, request -> javaCommand(mainClass, classpath, jvmOptions), Set.of(), timeout);
  }

  /**
   * Each hook is the command {@code commands} gives for it, with the hook's environment less
   * {@code removedVariables}.
   *
   * @param label what runs, for messages
   */
  public ProcessExecutor(String label, Function<Request, List<String>> commands,
      Set<String> removedVariables, Duration timeout) {
    this.label = label;
    this.commands = commands;
    this.removedVariables = Set.copyOf(removedVariables);
    this.timeout = timeout;
  }

  private static List<String> javaCommand(String mainClass, String classpath, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    return command;
  }

  @Override
  public Execution execute(Request request) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("unit-state-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path stateFile = dir.resolve("unit-state.json");
      Files.write(stateFile, StateCodec.encode(request.unitState()));
      Path stdout = dir.resolve("stdout");
      Path stderr = dir.resolve("stderr");

      List<String> command = commands.apply(request);
      Map<String, String> env = new HashMap<>(request.environment());
      env.keySet().removeAll(removedVariables);
      env.put(ReactiveCharm.STATE_FILE_VARIABLE, stateFile.toString());
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(request.charm().directory().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new HarnessException("hook " + request.event().hookName() + " (" + label
            + ") did not finish within " + timeout.toSeconds() + " s; killed it");
      }
      int exit = process.exitValue();
      StateDocument after = exit == 0
          ? StateCodec.decode(Files.readAllBytes(stateFile), stateFile.toString())
          : request.unitState();
      return new Execution(exit, after, null, Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new HarnessException("cannot run hook " + request.event().hookName() + " as "
          + label + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted while hook " + request.event().hookName()
          + " was running", e);
    } finally {
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a stray temporary directory is not worth failing the hook over
    }
  }
}
