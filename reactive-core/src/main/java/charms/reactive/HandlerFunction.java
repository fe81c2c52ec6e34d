package charms.reactive;

import org.reactivestreams.Publisher;

/**
 * A handler's work as a Reactor publisher. The dispatcher subscribes to it and waits for it to
 * complete before the next handler starts; an error fails the hook. Emitted values are ignored.
 */
@FunctionalInterface
public interface HandlerFunction {

  Publisher<?> apply(HandlerContext context) throws Exception;
}
