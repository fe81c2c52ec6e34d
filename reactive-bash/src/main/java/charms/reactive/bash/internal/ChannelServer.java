package charms.reactive.bash.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The private channel through which {@code charms.reactive} calls made by external handlers reach
 * the running hook's dispatcher. One per JVM, started on first use: a loopback socket
 * ({@code 127.0.0.1}, ephemeral port) that accepts a request only with this JVM's random 256-bit
 * token, which is handed to the external handlers' processes in their environment and nowhere
 * else.
 *
 * <p>Threading: connections are read on a daemon thread, but commands never run there: each
 * request is queued for the hook's own thread, which executes it while it waits for the external
 * process ({@link #serve}), so the hook's state is only ever touched by the hook's thread.
 */
public final class ChannelServer {
  private static final int MAX_FIELD = 1 << 20;
  private static ChannelServer instance;

  /** A request waiting for the hook's thread. */
  record Request(List<String> args, Map<String, String> callerEnvironment,
      CompletableFuture<CommandResult> answer) {
  }

  private final ServerSocket socket;
  private final String token;
  private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private volatile boolean serving;

  private ChannelServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    token = HexFormat.of().formatHex(secret);
    Thread acceptor = new Thread(this::acceptLoop, "charms.reactive-channel");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The JVM's channel, started on first use. */
  public static synchronized ChannelServer get() {
    if (instance == null) {
      try {
        instance = new ChannelServer();
      } catch (IOException e) {
        throw new IllegalStateException("cannot open the charms.reactive channel on loopback", e);
      }
    }
    return instance;
  }

  /** {@code CHARMS_REACTIVE_CHANNEL}: where the command line connects. */
  public String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  /** {@code CHARMS_REACTIVE_TOKEN}: what it must present. */
  public String token() {
    return token;
  }

  /** Starts a process that may call back over the channel. */
  @FunctionalInterface
  public interface ProcessStarter {
    Process start() throws IOException;
  }

  /**
   * Starts a process and runs the commands it sends over the channel with {@code executor}, on
   * the calling thread, until it has exited and every request it made is answered. The channel
   * accepts requests from before the process starts, so its first call cannot be refused.
   */
  public Process serve(ProcessStarter starter, CommandExecutor executor)
      throws IOException, InterruptedException {
    serving = true;
    try {
      Process process = starter.start();
      process.onExit().thenRun(() -> queue.offer(new Request(null, null, null)));
      while (true) {
        Request request = queue.poll(1, TimeUnit.SECONDS);
        if (request == null) {
          continue;
        }
        if (request.args() == null) {
          if (!process.isAlive()) {
            break;
          }
          continue;
        }
        request.answer().complete(executeSafely(executor, request));
      }
      for (Request late; (late = queue.poll()) != null; ) {
        if (late.args() != null) {
          late.answer().complete(executeSafely(executor, late));
        }
      }
      return process;
    } finally {
      serving = false;
    }
  }

  private static CommandResult executeSafely(CommandExecutor executor, Request request) {
    try {
      return executor.execute(request.args(), request.callerEnvironment());
    } catch (RuntimeException e) {
      return CommandResult.error(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread handler = new Thread(() -> handle(client), "charms.reactive-channel-client");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      String presented = field(in);
      CommandResult result;
      if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
          token.getBytes(StandardCharsets.UTF_8))) {
        result = CommandResult.error("the channel token is wrong");
      } else {
        int count = Integer.parseInt(field(in));
        List<String> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          args.add(field(in));
        }
        Map<String, String> callerEnvironment = new HashMap<>();
        for (String entry; (entry = field(in)) != null && !entry.isEmpty(); ) {
          int eq = entry.indexOf('=');
          if (eq > 0) {
            callerEnvironment.put(entry.substring(0, eq), entry.substring(eq + 1));
          }
        }
        if (!serving) {
          result = CommandResult.error("no external handler of a hook is running");
        } else {
          CompletableFuture<CommandResult> answer = new CompletableFuture<>();
          queue.offer(new Request(args, callerEnvironment, answer));
          result = answer.get(10, TimeUnit.MINUTES);
        }
      }
      OutputStream out = client.getOutputStream();
      out.write((result.exitCode() + "\0" + result.stdout().replace("\0", "") + "\0"
          + result.stderr().replace("\0", "") + "\0").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (Exception e) {
      // a client that vanished or spoke garbage gets nothing; the hook is unaffected
    }
  }

  private static String field(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != 0; ) {
      if (b < 0) {
        return null;
      }
      if (bytes.size() >= MAX_FIELD) {
        throw new IOException("field too long");
      }
      bytes.write(b);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
