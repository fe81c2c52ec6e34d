package charms.reactive.testing;

import charms.reactive.juju.ToolResult;
import charms.reactive.testing.internal.ToolExecutables;
import charms.reactive.testing.internal.ToolServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How a test reaches the fake tools: in-process through {@link FakeHookTools#run}, or as a
 * separate process through the executables and the loopback server, exactly as a charm process
 * would.
 */
enum ToolChannel {
  IN_PROCESS, EXECUTABLE;

  private static ToolServer server;
  private static ToolExecutables executables;

  /** Calls {@code tool} for a hook whose fake is {@code tools}; stdin may be null. */
  ToolResult call(FakeHookTools tools, String tool, List<String> args, String stdin, Path cwd) {
    byte[] in = stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8);
    if (this == IN_PROCESS) {
      return tools.run(tool, args, () -> in, cwd);
    }
    String context = server().register("demo/0", "test", tools);
    try {
      return runProcess(executables.tool(tool), args, in, cwd, Map.of(
          "JUJU_CONTEXT_ID", context,
          "JUJU_AGENT_SOCKET_ADDRESS", server.address(),
          "JUJU_AGENT_SOCKET_NETWORK", "tcp"));
    } finally {
      server.unregister(context);
    }
  }

  ToolResult call(FakeHookTools tools, String tool, String... args) {
    return call(tools, tool, List.of(args), null, Scenes.CHARM.directory());
  }

  static synchronized ToolServer server() {
    if (server == null) {
      server = ToolServer.start();
      executables = ToolExecutables.create();
    }
    return server;
  }

  static synchronized ToolExecutables executables() {
    server();
    return executables;
  }

  static synchronized void shutdown() {
    if (server != null) {
      server.close();
      executables.close();
      server = null;
      executables = null;
    }
  }

  /** Runs an executable with an argument array and exactly {@code env} (plus a PATH). */
  static ToolResult runProcess(Path program, List<String> args, byte[] stdin, Path cwd,
      Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(program.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv("PATH"));
    builder.environment().putAll(env);
    try {
      Process p = builder.start();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      try (OutputStream out = p.getOutputStream()) {
        if (stdin != null) {
          out.write(stdin);
        }
      }
      String out = read(p.getInputStream());
      return new ToolResult(p.waitFor(), out, err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
