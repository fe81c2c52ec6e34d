package charms.reactive;

/**
 * The unit's flags, as handlers change them: persistent named conditions, each optionally carrying
 * a JSON value. What can be read is in {@link FlagView}; conditions get only that.
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
public interface Flags extends FlagView {

  /** Sets {@code flag} with a JSON {@code null} value. */
  void set(String flag);

  /**
   * Sets {@code flag} with a value converted to JSON (a
   * {@link com.fasterxml.jackson.databind.JsonNode} is taken as it is).
   *
   * @throws IllegalArgumentException if the value cannot be converted to JSON
   */
  void set(String flag, Object value);

  /** Clears {@code flag}; clearing a flag that is not set is allowed and fires nothing. */
  void clear(String flag);

  /** Sets {@code flag} (with a null value) if {@code shouldSet}, otherwise clears it. */
  void toggle(String flag, boolean shouldSet);

  /**
   * Registers a trigger for the rest of this hook. It fires on later transitions only, never for
   * the flag's present state.
   */
  void registerTrigger(Trigger trigger);
}
