package charms.reactive;

/**
 * Reads one kind of stable-handler input ({@link Stable#inputs()}): given the key of a spec
 * {@code kind:key}, its current value. Registered per kind with
 * {@link ReactiveCharm.Builder#inputReader}; called on the hook's thread, whenever a stable
 * handler's condition is tested, so it must not change state. A value is any object Jackson can
 * turn into JSON, or null for "absent".
 */
@FunctionalInterface
public interface InputReader {

  /**
   * The current value of the input {@code key}.
   *
   * @throws Exception (or a {@link ReactiveException}) naming the key if it cannot be read
   */
  Object read(HookContext context, String key) throws Exception;
}
