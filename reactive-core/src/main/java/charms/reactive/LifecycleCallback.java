package charms.reactive;

/** Work done at the start of a hook, before the dispatch, or at its end, before the commit. */
@FunctionalInterface
public interface LifecycleCallback {

  void run(HookContext context) throws Exception;
}
