package charms.reactive;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The flags as they can be read, without a way to change them: what a {@link Condition} sees
 * ({@link ConditionContext#flags()}). {@link Flags} adds the changes, for handlers.
 *
 * <p>Errors: every method given a flag name that is empty or holds whitespace or control
 * characters throws {@link InvalidFlagException}, naming the flag.
 */
public interface FlagView {

  boolean isSet(String flag);

  /** True if every flag is set; true for no flags at all, as in the original. */
  boolean allSet(String... flags);

  /** True if at least one flag is set; false for no flags at all, as in the original. */
  boolean anySet(String... flags);

  /** The names of the set flags, sorted by {@link String#compareTo}. */
  List<String> list();

  /** The given flags that are not set, sorted and without duplicates. */
  List<String> unset(String... flags);

  /** The value of a set flag ({@code NullNode} for a plain flag), or empty if it is not set. */
  Optional<JsonNode> value(String flag);
}
