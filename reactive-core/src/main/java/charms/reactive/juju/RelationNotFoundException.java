package charms.reactive.juju;

import java.util.List;

/** A relation tool named a relation this unit is not (or no longer) in. */
public final class RelationNotFoundException extends HookToolException {
  private static final long serialVersionUID = 1L;

  public RelationNotFoundException(String tool, List<String> args, int exitCode, String stderr) {
    super(tool, args, exitCode, stderr);
  }
}
