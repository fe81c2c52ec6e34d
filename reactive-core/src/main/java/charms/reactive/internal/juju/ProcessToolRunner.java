package charms.reactive.internal.juju;

import charms.reactive.ReactiveException;
import charms.reactive.juju.Juju;
import charms.reactive.juju.ToolResult;
import charms.reactive.juju.ToolRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs hook tools as processes, as Juju expects: the tool is looked up on the {@code PATH} of the
 * hook's environment, started with an argument array (never through a shell) and the hook's
 * environment, and its output is captured. Safe to use from one thread at a time per call.
 */
public final class ProcessToolRunner implements ToolRunner {
  private final Map<String, String> environment;

  /**
   * @param environment the environment tools run with; its {@code PATH} is where they are found
   */
  public ProcessToolRunner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public ToolResult run(String tool, List<String> args, byte[] stdin) {
    List<String> command = new ArrayList<>();
    command.add(locate(tool).toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      writeStdin(process.getOutputStream(), stdin);
      byte[] out = readAll(process.getInputStream());
      int code = process.waitFor();
      return new ToolResult(code, new String(out, StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ReactiveException("cannot run hook tool " + tool + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReactiveException("interrupted while running hook tool " + tool, e);
    }
  }

  private Path locate(String tool) {
    if (tool.indexOf('/') >= 0) {
      return Path.of(tool);
    }
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new ReactiveException("hook tool " + tool + " not found on PATH " + path
        + " (is this running inside a Juju hook?)");
  }

  /** A tool that exits without reading its input is fine: it simply did not need it. */
  private static void writeStdin(OutputStream in, byte[] stdin) {
    try (in) {
      if (stdin != null) {
        in.write(stdin);
      }
    } catch (IOException toolDidNotRead) {
      // broken pipe or closed stream: the tool ended before reading; its exit code tells the rest
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
