package charms.reactive.internal.dispatch;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The thread a hook belongs to: the one that started it. Whatever scheduler a handler's (or a
 * source's) publisher completes on, its signal is handed back to this thread before the hook goes
 * on, so condition tests, triggers, flag writes, callbacks and the commit all run here.
 *
 * <p>The owner thread runs the hook's pipeline by {@link #drain draining} a queue of tasks until
 * the pipeline terminates: a signal that arrives on the owner thread runs at once, one that
 * arrives on another thread is queued and run by the owner. Reactor's {@code block()} is not used,
 * so the owner may be any thread, and a handler running on it may itself block.
 */
final class HookThread {
  private static final Runnable WAKE_UP = () -> { };
  /** How long a call from another thread waits for the owner to leave a handler's code. */
  private static final long MAX_WAIT_FOR_HANDLER_NANOS = 100_000_000L;

  private final Thread owner = Thread.currentThread();
  private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  /** True while the owner runs a handler's synchronous part (which may block on other threads). */
  private volatile boolean inHandler;

  boolean isOwner() {
    return Thread.currentThread() == owner;
  }

  /** Runs {@code task} now if called on the owner thread, otherwise queues it for the owner. */
  void run(Runnable task) {
    if (isOwner()) {
      task.run();
    } else {
      tasks.add(task);
    }
  }

  /**
   * Calls {@code work} on the owner thread and returns its result: at once on the owner thread;
   * from another thread by handing it to the owner and waiting. While the owner runs a handler's
   * synchronous part, the caller waits for it to leave that part, unless the owner is blocked there
   * (most likely on the very work calling this, as in {@code Mono.fromRunnable(...)
   * .subscribeOn(...).block()}) or still inside after 100 ms (blocking I/O looks runnable): the
   * work then runs on the calling thread, while the owner is held inside that handler.
   */
  <T> T call(Callable<T> work) {
    if (isOwner()) {
      return callDirectly(work);
    }
    long deadline = System.nanoTime() + MAX_WAIT_FOR_HANDLER_NANOS;
    while (inHandler) {
      Thread.State state = owner.getState();
      // blocked in the handler (on this very work, most likely), or in blocking I/O for longer
      // than a handler's own code would run between two of its calls: never wait for ever
      if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
          || state == Thread.State.BLOCKED || System.nanoTime() - deadline > 0) {
        return callDirectly(work);
      }
      LockSupport.parkNanos(20_000);
    }
    FutureTask<T> task = new FutureTask<>(work);
    tasks.add(task);
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the hook thread", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static <T> T callDirectly(Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A handler's publisher, its outcome delivered on the owner thread: its value (or completion)
   * and its error reach the subscriber there, whichever thread it signalled on. Subscribing to it
   * runs the handler's synchronous part (a {@code Mono.delay(...).then(...)} chain's assembly,
   * say), which counts as handler code.
   */
  <T> Mono<T> deliverHandlerWork(Mono<T> source) {
    return Mono.create((MonoSink<T> sink) -> {
      boolean outer = inHandler;
      inHandler = true;
      try {
        // a Mono's subscriber is told of its completion after its value too: say it only once
        boolean[] valued = new boolean[1];
        Disposable d = source.subscribe(
            value -> {
              valued[0] = true;
              run(() -> sink.success(value));
            },
            error -> run(() -> sink.error(error)),
            () -> {
              if (!valued[0]) {
                run(sink::success);
              }
            });
        sink.onDispose(d);
      } finally {
        inHandler = outer;
      }
    });
  }

  /**
   * {@code source}'s signals delivered on the owner thread, in order, whichever thread it
   * signalled on.
   */
  <T> Flux<T> deliverEach(Publisher<T> source) {
    return Flux.create((FluxSink<T> sink) -> {
      Disposable d = Flux.from(source).subscribe(
          value -> run(() -> sink.next(value)),
          error -> run(() -> sink.error(error)),
          () -> run(sink::complete));
      sink.onDispose(d);
    }, FluxSink.OverflowStrategy.BUFFER);
  }

  /**
   * Subscribes {@code body} on the owner thread and runs the queued tasks until it terminates.
   * Returns once {@code body} has terminated; {@code done} must be signalled by it.
   *
   * @throws IllegalStateException if not called on the owner thread
   */
  void drain(Runnable subscribe, java.util.function.BooleanSupplier done) {
    if (!isOwner()) {
      throw new IllegalStateException("a hook is run by the thread that started it");
    }
    subscribe.run();
    while (!done.getAsBoolean()) {
      Runnable task;
      try {
        task = tasks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running a hook", e);
      }
      task.run();
    }
  }

  /** Calls a handler's synchronous part on the owner thread, marking it as such. */
  <T> T inHandler(Callable<T> handlerCall) throws Exception {
    boolean outer = inHandler;
    inHandler = true;
    try {
      return handlerCall.call();
    } finally {
      inHandler = outer;
    }
  }

  /** Wakes a drain that waits, so it looks at its end condition again. */
  void wakeUp() {
    tasks.add(WAKE_UP);
  }
}
