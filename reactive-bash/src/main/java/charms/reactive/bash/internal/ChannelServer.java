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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The private channel through which {@code charms.reactive} calls made by one run of an external
 * handler reach the hook that started it. A channel belongs to exactly one process run: it is
 * opened before the process starts, with its own loopback socket ({@code 127.0.0.1}, ephemeral
 * port) and its own random 256-bit token (handed to the process in its environment and nowhere
 * else), and it is closed when the process has exited. So two hooks in one JVM, or two runs in one
 * hook, never see each other's requests, and a background job that outlives its handler's run
 * is refused (its connection is refused, or answered with an error naming the run).
 *
 * <p>Threading: connections are read on daemon threads, but commands never run there: each
 * request is queued for the thread that called {@link #serve}, which executes it while it waits
 * for the process, so the hook's state is only ever touched by the hook's thread.
 *
 * <p>Errors: a request the channel cannot accept (wrong token, a field longer than
 * {@link #MAX_FIELD} bytes, a malformed count) is answered with exit code 1 and a message naming
 * the problem, and reported to the {@code problems} consumer given to {@link #open}; nothing is
 * dropped silently. An unexpected exception of a command is answered to its caller and rethrown
 * by {@link #serve} once the process has exited, so it fails the hook.
 */
public final class ChannelServer implements AutoCloseable {
  /** The largest field (argument, environment entry) a request may carry, in bytes. */
  public static final int MAX_FIELD = 1 << 20;
  private static final int MAX_ARGS = 100_000;
  private static final int READ_TIMEOUT_MILLIS = 30_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A request waiting for the hook's thread; {@code args == null} marks the process's exit. */
  private record Request(List<String> args, Map<String, String> callerEnvironment,
      CompletableFuture<CommandResult> answer) {
  }

  private final String owner;
  private final ServerSocket socket;
  private final String token;
  private final Consumer<String> problems;
  private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final Object lock = new Object();
  private boolean over;

  private ChannelServer(String owner, Consumer<String> problems) throws IOException {
    this.owner = owner;
    this.problems = problems;
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    token = HexFormat.of().formatHex(secret);
    Thread acceptor = new Thread(this::acceptLoop, "charms.reactive-channel " + owner);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Opens the channel of one run of {@code owner} (the handler file and action, named in errors).
   * {@code problems} receives a line for every request the channel refused; it is called on the
   * channel's own threads.
   */
  public static ChannelServer open(String owner, Consumer<String> problems) {
    try {
      return new ChannelServer(owner, problems);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the charms.reactive channel on loopback for "
          + owner + ": " + e.getMessage(), e);
    }
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
   * the calling thread, until it has exited; then closes the channel. A request is executed only
   * while the process is alive (its own calls block it until answered, so all of them are); any
   * other is refused as coming from a run that is over, such as a background job's.
   *
   * @throws ChannelCommandException once the process has exited, if a command failed with an
   *     unexpected exception (its caller was told too)
   */
  public Process serve(ProcessStarter starter, CommandExecutor executor)
      throws IOException, InterruptedException {
    RuntimeException failure = null;
    try {
      Process process = starter.start();
      process.onExit().thenRun(() -> queue.offer(new Request(null, null, null)));
      while (true) {
        Request request = queue.take();
        if (request.args() == null) {
          break;
        }
        if (!process.isAlive()) {
          // queued by a background job after the handler exited, before the exit was noticed
          request.answer().complete(refusedAsOver());
          continue;
        }
        CommandResult result;
        try {
          result = executor.execute(request.args(), request.callerEnvironment());
        } catch (RuntimeException e) {
          result = CommandResult.error(e.getMessage() == null ? e.toString() : e.getMessage());
          if (failure == null) {
            failure = e;
          }
        }
        request.answer().complete(result);
      }
      return process;
    } finally {
      close();
      if (failure != null) {
        throw new ChannelCommandException(failure instanceof FatalCommandException
            ? owner + ": " + failure.getMessage()
            : "a charms.reactive call of " + owner + " failed unexpectedly: " + failure, failure);
      }
    }
  }

  /** Stops accepting and refuses whatever is still waiting. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      over = true;
    }
    try {
      socket.close();
    } catch (IOException e) {
      problems.accept("closing the channel of " + owner + ": " + e.getMessage());
    }
    for (Request late; (late = queue.poll()) != null; ) {
      if (late.args() != null) {
        late.answer().complete(refusedAsOver());
      }
    }
  }

  private CommandResult refusedAsOver() {
    return CommandResult.error("refused: the run of " + owner + " that started this process is "
        + "over (a background job of a handler cannot change the hook's state)");
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        if (!socket.isClosed()) {
          problems.accept("the channel of " + owner + " stopped accepting: " + e.getMessage());
        }
        return;
      }
      Thread handler = new Thread(() -> handle(client), "charms.reactive-channel-client");
      handler.setDaemon(true);
      handler.start();
    }
  }

  private void handle(Socket client) {
    try (client) {
      // a caller writes its whole request at once; one that stalls is dropped, not waited for
      client.setSoTimeout(READ_TIMEOUT_MILLIS);
      CommandResult result = answer(new BufferedInputStream(client.getInputStream()));
      OutputStream out = client.getOutputStream();
      out.write((result.exitCode() + "\0" + result.stdout().replace("\0", "") + "\0"
          + result.stderr().replace("\0", "") + "\0").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      problems.accept("a caller of the channel of " + owner + " went away: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CommandResult answer(InputStream in) throws IOException, InterruptedException {
    // The whole request is read before it is answered, even a refused one: a caller still writing
    // to a closed connection would die of SIGPIPE instead of reading the error.
    Field presented = field(in);
    boolean tokenOk = presented != null && !presented.tooLong() && MessageDigest.isEqual(
        presented.text().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    Field countField = presented == null ? null : field(in);
    int count;
    try {
      count = countField == null ? -1 : Integer.parseInt(countField.text());
    } catch (NumberFormatException e) {
      count = -1;
    }
    if (count < 0 || count > MAX_ARGS) {
      if (!tokenOk) {
        problems.accept("refused a request with a wrong token on the channel of " + owner);
        return CommandResult.error("the channel token is wrong");
      }
      problems.accept("refused a malformed request on the channel of " + owner);
      return CommandResult.error("malformed request: the argument count is missing or invalid");
    }
    List<String> args = new ArrayList<>();
    String tooLong = null;
    for (int i = 0; i < count; i++) {
      Field arg = field(in);
      if (arg == null) {
        return CommandResult.error("malformed request: " + count + " arguments announced, "
            + i + " sent");
      }
      if (arg.tooLong() && tooLong == null) {
        tooLong = "argument too long: argument " + (i + 1) + " is " + arg.size()
            + " bytes; the limit is " + MAX_FIELD + " bytes";
      }
      args.add(arg.text());
    }
    Map<String, String> callerEnvironment = new HashMap<>();
    for (Field entry; (entry = field(in)) != null && entry.size() > 0; ) {
      if (entry.tooLong() && tooLong == null) {
        int eq = entry.text().indexOf('=');
        tooLong = "environment variable too long: " + (eq > 0 ? entry.text().substring(0, eq) : "?")
            + " is " + entry.size() + " bytes; the limit is " + MAX_FIELD + " bytes";
      }
      int eq = entry.text().indexOf('=');
      if (eq > 0) {
        callerEnvironment.put(entry.text().substring(0, eq), entry.text().substring(eq + 1));
      }
    }
    if (!tokenOk) {
      problems.accept("refused a request with a wrong token on the channel of " + owner);
      return CommandResult.error("the channel token is wrong");
    }
    if (tooLong != null) {
      return CommandResult.error(tooLong);
    }
    CompletableFuture<CommandResult> answer = new CompletableFuture<>();
    synchronized (lock) {
      if (over) {
        return refusedAsOver();
      }
      queue.offer(new Request(args, callerEnvironment, answer));
    }
    try {
      return answer.get(24, TimeUnit.HOURS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return CommandResult.error("the hook did not answer: " + e);
    }
  }

  /** One NUL-terminated field; past {@link #MAX_FIELD} bytes the rest is counted, not kept. */
  private record Field(String text, long size) {
    boolean tooLong() {
      return size > MAX_FIELD;
    }
  }

  /** Reads one field, or null at the end of the stream. */
  private static Field field(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long size = 0;
    for (int b; (b = in.read()) != 0; ) {
      if (b < 0) {
        return null;
      }
      if (size++ < MAX_FIELD) {
        bytes.write(b);
      }
    }
    return new Field(size > MAX_FIELD ? "" : bytes.toString(StandardCharsets.UTF_8), size);
  }

  /** A command failed in a way its caller could not be expected to handle: the hook fails. */
  public static final class ChannelCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChannelCommandException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
