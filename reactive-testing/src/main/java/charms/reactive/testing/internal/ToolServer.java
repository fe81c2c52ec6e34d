package charms.reactive.testing.internal;

import charms.reactive.juju.ToolResult;
import charms.reactive.testing.FakeHookTools;
import charms.reactive.testing.HarnessException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback server behind the fake tool executables: it binds {@code 127.0.0.1} on an
 * ephemeral port, and answers each connection (one tool call; the wire format is described in
 * {@code jujuc.sh}) from the {@link FakeHookTools} registered under the call's
 * {@code JUJU_CONTEXT_ID}.
 * Context ids are 128-bit random tokens, so another local process cannot guess one; an unknown id
 * gets {@code ERROR bad request: wrong context ID}. Everything received is untrusted: sizes are
 * bounded, text is only base64-decoded and handed to the fake tools as data.
 *
 * <p>Thread-safe. Connections are served on daemon threads; {@link #close()} stops accepting,
 * closes open connections and ends the threads.
 */
public final class ToolServer implements AutoCloseable {
  private static final int MAX_LINE = 24 * 1024 * 1024;
  private static final int MAX_ARGS = 100_000;
  private static final int READ_TIMEOUT_MS = 120_000;

  private final ServerSocket socket;
  private final ExecutorService threads;
  private final Map<String, FakeHookTools> contexts = new ConcurrentHashMap<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();
  private volatile boolean closed;

  private ToolServer(ServerSocket socket) {
    this.socket = socket;
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "juju-tool-server");
      t.setDaemon(true);
      return t;
    });
    threads.execute(this::acceptLoop);
  }

  /** Starts a server. @throws HarnessException if no port can be bound */
  public static ToolServer start() {
    try {
      return new ToolServer(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
    } catch (IOException e) {
      throw new HarnessException("cannot start the fake hook tool server: " + e, e);
    }
  }

  /** {@code 127.0.0.1:<port>}, for {@code JUJU_AGENT_SOCKET_ADDRESS}. */
  public String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  /**
   * Registers one hook's tools under a fresh context id ({@code <unit>-<hook>-<random>}); calls
   * with that id reach them until {@link #unregister}.
   */
  public String register(String unitName, String hookName, FakeHookTools tools) {
    byte[] token = new byte[16];
    random.nextBytes(token);
    String id = unitName + "-" + hookName + "-" + HexFormat.of().formatHex(token);
    contexts.put(id, tools);
    return id;
  }

  public void unregister(String contextId) {
    contexts.remove(contextId);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        return;
      }
      open.add(client);
      try {
        threads.execute(() -> serve(client));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        closeQuietly(client);
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(READ_TIMEOUT_MS);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      if (!"JUJUC1".equals(readLine(in))) {
        return;
      }
      List<String> fields = fields(Base64.getDecoder().decode(readLine(in)));
      if (fields.size() < 3 || fields.size() > MAX_ARGS) {
        return;
      }
      ToolResult result = answer(fields.get(0), fields.get(1), fields.subList(3, fields.size()),
          fields.get(2), in, out);
      out.write(("RESULT " + result.exitCode() + "\n").getBytes(StandardCharsets.US_ASCII));
      out.write(Base64.getEncoder().encode(result.stderr().getBytes(StandardCharsets.UTF_8)));
      out.write('\n');
      out.write(Base64.getEncoder().encode(result.stdout().getBytes(StandardCharsets.UTF_8)));
      out.flush();
    } catch (IOException | RuntimeException e) {
      // A malformed or abandoned request: the client sees the connection close and fails.
    } finally {
      open.remove(client);
    }
  }

  private ToolResult answer(String contextId, String tool, List<String> args, String dir,
      InputStream in, OutputStream out) throws IOException {
    FakeHookTools tools = contexts.get(contextId);
    if (tools == null) {
      return new ToolResult(1, "", "ERROR bad request: wrong context ID\n");
    }
    Path callerDir;
    try {
      callerDir = Path.of(dir);
    } catch (InvalidPathException e) {
      return new ToolResult(1, "", "ERROR bad request: invalid working directory\n");
    }
    try {
      try {
        return tools.run(tool, args, () -> {
          throw new NeedsStdin();
        }, callerDir);
      } catch (NeedsStdin first) {
        out.write("STDIN\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] stdin = Base64.getDecoder().decode(readLine(in));
        return tools.run(tool, args, () -> stdin, callerDir);
      }
    } catch (HarnessException e) {
      return new ToolResult(1, "", "ERROR " + e.getMessage() + "\n");
    } catch (RuntimeException e) {
      return new ToolResult(1, "", "ERROR internal error in the fake hook tools: " + e + "\n");
    }
  }

  /** Splits NUL-terminated fields. */
  private static List<String> fields(byte[] bytes) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        fields.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return fields;
  }

  /** Reads one {@code \n}-terminated ASCII line of at most {@link #MAX_LINE} bytes. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed mid-request");
      }
      if (line.size() >= MAX_LINE) {
        throw new IOException("request line too long");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // the listening socket is gone either way
    }
    open.forEach(ToolServer::closeQuietly);
    threads.shutdownNow();
    contexts.clear();
  }
}
