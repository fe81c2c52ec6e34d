package charms.reactive.juju;

import charms.reactive.FlagFact;
import charms.reactive.HookContext;
import charms.reactive.spi.StateSource;
import reactor.core.publisher.Flux;

/**
 * {@code upgrade.series.in-progress}: set at the start of {@code pre-series-upgrade}, cleared at
 * the start of {@code post-series-upgrade}, untouched otherwise.
 */
final class UpgradeFlags implements StateSource {
  static final String FLAG = "upgrade.series.in-progress";

  @Override
  public Flux<FlagFact> facts(HookContext context) {
    return Flux.defer(() -> switch (context.environment().hookName()) {
      case "pre-series-upgrade" -> Flux.just(FlagFact.set(FLAG));
      case "post-series-upgrade" -> Flux.just(FlagFact.cleared(FLAG));
      default -> Flux.empty();
    });
  }
}
