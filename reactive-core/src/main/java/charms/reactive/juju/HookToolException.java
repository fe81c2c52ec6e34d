package charms.reactive.juju;

import charms.reactive.spi.Quoting;
import charms.reactive.ReactiveException;
import java.util.List;

/**
 * A hook tool exited non-zero. Carries the tool, its arguments, the exit code and its standard
 * error, all of which appear in the message, with control characters (a NUL, escape sequences,
 * newlines) escaped and long texts cut, so the message stays one line that {@code juju-log} takes.
 * The accessors return the text unchanged.
 */
public class HookToolException extends ReactiveException {
  private static final long serialVersionUID = 1L;
  private final String tool;
  // javac 18+ flags a List field of a Serializable class; the value is always List.copyOf's
  // immutable list, which is serializable.
  @SuppressWarnings("serial")
  private final List<String> args;
  private final int exitCode;
  private final String stderr;

  public HookToolException(String tool, List<String> args, int exitCode, String stderr) {
    super(tool + " " + String.join(" ", args.stream().map(a -> Quoting.sanitise(a, 200)).toList())
        + " failed with exit code " + exitCode + ": " + Quoting.sanitise(stderr.strip(), 2000));
    this.tool = tool;
    this.args = List.copyOf(args);
    this.exitCode = exitCode;
    this.stderr = stderr;
  }

  /** The typed exception for a failed call: relation not found, not the leader, or generic. */
  public static HookToolException of(String tool, List<String> args, ToolResult result) {
    String err = result.stderr();
    if (err.contains("relation not found")) {
      return new RelationNotFoundException(tool, args, result.exitCode(), err);
    }
    if (err.contains("not the leader") || err.contains("cannot write relation settings")) {
      return new NotLeaderException(tool, args, result.exitCode(), err);
    }
    return new HookToolException(tool, args, result.exitCode(), err);
  }

  public String tool() {
    return tool;
  }

  public List<String> args() {
    return args;
  }

  public int exitCode() {
    return exitCode;
  }

  public String stderr() {
    return stderr;
  }
}
