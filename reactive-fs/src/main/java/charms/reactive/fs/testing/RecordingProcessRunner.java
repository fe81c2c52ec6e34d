package charms.reactive.fs.testing;

import charms.reactive.fs.ProcessResult;
import charms.reactive.fs.ProcessRunner;
import charms.reactive.fs.Services;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ProcessRunner} for tests: runs nothing, records every command in order, and answers
 * exit code 0 with empty output unless told otherwise for an exact command with
 * {@link #answer}. Thread-safe.
 *
 * <pre>{@code
 * RecordingProcessRunner runner = new RecordingProcessRunner()
 *     .answer(List.of("systemctl", "is-active", "--quiet", "app"), 3, "", "");
 * ... run a hook with new Services(runner) ...
 * assertEquals(List.of(List.of("systemctl", "restart", "app")), runner.commands());
 * }</pre>
 */
public final class RecordingProcessRunner implements ProcessRunner {
  private final List<List<String>> commands = new ArrayList<>();
  private final Map<List<String>, ProcessResult> answers = new HashMap<>();

  /** Makes {@code command} return this exit code and output from now on. */
  public synchronized RecordingProcessRunner answer(List<String> command, int exitCode,
      String stdout, String stderr) {
    answers.put(List.copyOf(command), new ProcessResult(command, exitCode, stdout, stderr));
    return this;
  }

  @Override
  public synchronized ProcessResult run(List<String> command) {
    List<String> copy = List.copyOf(command);
    commands.add(copy);
    ProcessResult answer = answers.get(copy);
    return answer != null ? answer : new ProcessResult(copy, 0, "", "");
  }

  /** Every command run so far, in order. */
  public synchronized List<List<String>> commands() {
    return List.copyOf(commands);
  }

  /** Forgets the commands run so far (keeps the answers). */
  public synchronized void clear() {
    commands.clear();
  }
}
