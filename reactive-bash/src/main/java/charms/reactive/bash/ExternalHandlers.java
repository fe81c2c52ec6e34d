package charms.reactive.bash;

import charms.reactive.bash.internal.RelationCalls;
import charms.reactive.spi.CharmExtension;
import charms.reactive.Handler;
import charms.reactive.spi.FrameworkRecords;
import charms.reactive.spi.HandlerProvider;
import charms.reactive.KeyValueStore;
import charms.reactive.bash.internal.Discovery;
import charms.reactive.bash.internal.EndpointRelationCalls;
import charms.reactive.bash.internal.ExternalHandler;
import charms.reactive.bash.internal.SavedTriggers;
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
        .onStart(context -> {
          // triggers registered on the command line outside a hook last until this hook ends
          KeyValueStore saved = FrameworkRecords.of(context, SavedTriggers.OWNER);
          SavedTriggers.apply(saved, context.flags());
          SavedTriggers.clear(saved);
        })
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
