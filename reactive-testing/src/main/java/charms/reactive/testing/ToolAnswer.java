package charms.reactive.testing;

import charms.reactive.juju.ToolResult;
import java.util.List;
import java.util.Objects;

/**
 * A scripted answer for one hook tool, given to {@link Harness.Builder#answer} or
 * {@link FakeHookTools#answer}: for what the model cannot produce on its own, such as a tool
 * failing ({@code relation-get} hitting a controller error), odd output, or a change in the middle
 * of a hook. The call is recorded like any other.
 *
 * <pre>{@code
 * Harness.builder(dir).charm(charm)
 *     .answer("network-get", ToolAnswer.error(1, "no network config available"))
 *     .answer("is-leader", ToolAnswer.once(ToolAnswer.output("true\n")))
 *     .build();
 * }</pre>
 *
 * <p>Called with the fake's lock held, on whatever thread called the tool (a child process's
 * call arrives on the tool server's thread); it must not call the tools itself.
 */
@FunctionalInterface
public interface ToolAnswer {

  /**
   * The answer to one call of the tool.
   *
   * @param args the call's arguments
   * @return the answer, or null to let the fake answer as Juju would
   */
  ToolResult answer(List<String> args);

  /** Exit 0 printing {@code stdout} as it is (add the newline the real tool prints). */
  static ToolAnswer output(String stdout) {
    Objects.requireNonNull(stdout, "stdout");
    return args -> new ToolResult(0, stdout, "");
  }

  /** Fails with {@code exitCode} and Juju's {@code ERROR <message>} line on standard error. */
  static ToolAnswer error(int exitCode, String message) {
    if (exitCode == 0) {
      throw new IllegalArgumentException("an error answer needs a non-zero exit code");
    }
    Objects.requireNonNull(message, "message");
    return args -> new ToolResult(exitCode, "", "ERROR " + message + "\n");
  }

  /**
   * {@code answer} for the first call only; later calls get the fake's own answer. Thread-safe.
   */
  static ToolAnswer once(ToolAnswer answer) {
    Objects.requireNonNull(answer, "answer");
    java.util.concurrent.atomic.AtomicBoolean used = new java.util.concurrent.atomic.AtomicBoolean();
    return args -> used.compareAndSet(false, true) ? answer.answer(args) : null;
  }

  /** The fake's own answer for the first call, {@code answer} from the second on. Thread-safe. */
  static ToolAnswer afterFirst(ToolAnswer answer) {
    Objects.requireNonNull(answer, "answer");
    java.util.concurrent.atomic.AtomicBoolean used = new java.util.concurrent.atomic.AtomicBoolean();
    return args -> used.compareAndSet(false, true) ? null : answer.answer(args);
  }
}
