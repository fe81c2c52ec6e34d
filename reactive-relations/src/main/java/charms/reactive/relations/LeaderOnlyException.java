package charms.reactive.relations;

/**
 * A unit that is not its application's leader wrote its application's data bag
 * ({@code to_publish_app}), or read it on a provides/requires relation, where Juju allows only
 * the leader. Thrown where the access is made, so the stack names the handler, long before the
 * end of the hook.
 */
public final class LeaderOnlyException extends RelationException {
  private static final long serialVersionUID = 1L;

  public LeaderOnlyException(String message) {
    super(message);
  }
}
