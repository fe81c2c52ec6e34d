package charms.reactive.juju;

import java.util.List;

/** A tool call only the leader may make (app bag, leader settings, app status) by a non-leader. */
public final class NotLeaderException extends HookToolException {
  private static final long serialVersionUID = 1L;

  public NotLeaderException(String tool, List<String> args, int exitCode, String stderr) {
    super(tool, args, exitCode, stderr);
  }
}
