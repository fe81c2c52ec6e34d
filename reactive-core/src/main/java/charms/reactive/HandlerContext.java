package charms.reactive;

/** The {@link HookContext} given to a handler, which also knows the handler's id. */
public interface HandlerContext extends HookContext {

  String handlerId();
}
