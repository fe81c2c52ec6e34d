package charms.reactive;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The unit's flags: persistent named conditions, each optionally carrying a JSON value.
 *
 * <p>Changes are made inside the hook's transaction: they are visible at once to every later
 * condition test and handler of the same hook, and reach the state store only when the hook
 * commits. Setting a flag that is not set, or clearing one that is, is a <em>transition</em>: it
 * fires the {@link Trigger triggers} registered for it (their set-flags, then their clear-flags,
 * then their callbacks) and counts as a change for the dispatcher's flag watch. Setting a flag that
 * is already set only replaces its value.
 *
 * <p>Not thread-safe: a hook runs on one thread.
 *
 * <p>Errors: every method given a flag name that is empty or holds whitespace or control
 * characters throws {@link InvalidFlagException}, naming the flag.
 */
public interface Flags {

  /** Sets {@code flag} with a JSON {@code null} value. */
  void set(String flag);

  /**
   * Sets {@code flag} with a value converted to JSON (a {@link JsonNode} is taken as it is).
   *
   * @throws IllegalArgumentException if the value cannot be converted to JSON
   */
  void set(String flag, Object value);

  /** Clears {@code flag}; clearing a flag that is not set is allowed and fires nothing. */
  void clear(String flag);

  /** Sets {@code flag} (with a null value) if {@code shouldSet}, otherwise clears it. */
  void toggle(String flag, boolean shouldSet);

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

  /**
   * Registers a trigger for the rest of this hook. It fires on later transitions only, never for
   * the flag's present state.
   */
  void registerTrigger(Trigger trigger);
}
