package charms.reactive.bash.internal;

import java.util.List;
import java.util.Optional;

/**
 * What {@code charms.reactive relation_call} reaches: a method of the endpoint or conversation
 * object of a relation, found by relation name or by one of its flags. {@link EndpointRelationCalls}
 * provides it over reactive-relations as a hook service; without it, {@code relation_call} is a
 * clear error.
 */
public interface RelationCalls {

  /**
   * Calls {@code method} with string arguments and returns its result (a string, boolean, list,
   * map or null, printed in the command's output format).
   *
   * @throws IllegalArgumentException naming the relation if it cannot be found
   *     ({@code Relation not found: X})
   */
  Object call(Optional<String> relationName, Optional<String> flag, String method, List<String> args);
}
