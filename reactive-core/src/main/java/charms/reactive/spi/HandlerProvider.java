package charms.reactive.spi;

import charms.reactive.Handler;
import charms.reactive.HookContext;
import java.util.List;

/**
 * Supplies handlers that can only be known once a hook starts, such as an interface's handlers,
 * registered once per endpoint named in {@code metadata.yaml}. Asked once per hook, after the
 * unit state is loaded and before the start callbacks; its handlers take its place in the
 * registration order.
 */
@FunctionalInterface
public interface HandlerProvider {

  List<Handler> handlers(HookContext context);
}
