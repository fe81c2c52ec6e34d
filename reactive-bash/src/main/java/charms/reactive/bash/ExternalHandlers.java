package charms.reactive.bash;

import charms.reactive.CharmExtension;
import charms.reactive.Handler;
import charms.reactive.HandlerProvider;
import charms.reactive.bash.internal.Discovery;
import charms.reactive.bash.internal.EndpointRelationCalls;
import charms.reactive.bash.internal.ExternalHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the charm's external handlers (bash files using {@code charms.reactive.sh}, or any
 * executable following the {@code --test}/{@code --invoke} protocol), found when each hook starts
 * under {@code reactive/}, {@code hooks/reactive/} and {@code hooks/relations/}, in sorted order,
 * at this point of the registration order.
 *
 * <pre>{@code
 * ReactiveCharm.builder().use(Juju.integration()).handlers(new MyCharm())
 *     .use(ExternalHandlers.discover()).build().run();
 * }</pre>
 */
public final class ExternalHandlers {
  private ExternalHandlers() {
  }

  public static CharmExtension discover() {
    return builder -> builder.hookService(RelationCalls.class, EndpointRelationCalls::new)
        .handlers((HandlerProvider) context -> {
      Path charmDir = context.environment().charmDir();
      List<Handler> handlers = new ArrayList<>();
      for (Path file : Discovery.handlers(charmDir)) {
        handlers.add(new ExternalHandler(charmDir, file).toHandler());
      }
      return handlers;
    });
  }
}
