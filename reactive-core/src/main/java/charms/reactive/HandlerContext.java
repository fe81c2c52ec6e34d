package charms.reactive;

/**
 * The {@link HookContext} given to a handler (and to its conditions'
 * {@link Condition#onHandlerSuccess}), which also knows the handler's id.
 */
public interface HandlerContext extends HookContext {

  String handlerId();

  /**
   * {@code hook} as seen by the handler {@code handlerId}: every call goes to {@code hook}. For
   * code that runs a handler's work itself (an external handler's functions, each with its own
   * id).
   */
  static HandlerContext of(String handlerId, HookContext hook) {
    return new charms.reactive.internal.HandlerView(handlerId, hook);
  }
}
