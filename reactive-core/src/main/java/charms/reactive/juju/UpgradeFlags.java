package charms.reactive.juju;

import charms.reactive.FlagFact;
import charms.reactive.HookContext;
import charms.reactive.spi.StateSource;
import reactor.core.publisher.Flux;

/**
 * {@code upgrade.series.in-progress}: set at the start of {@code pre-series-upgrade}, cleared at
 * the start of {@code post-series-upgrade}, untouched otherwise; {@code charm.upgraded} for the
 * length of {@code upgrade-charm} (cleared by {@link #clearAtExit}).
 */
final class UpgradeFlags implements StateSource {
  static final String FLAG = "upgrade.series.in-progress";
  /** Set in {@code upgrade-charm} and cleared at the end of it, like the {@code config.*} flags. */
  static final String UPGRADED = "charm.upgraded";

  /**
   * Start callback: the hook-scoped fact {@code charm.upgraded} in {@code upgrade-charm}, the hook
   * Juju runs once the new charm is in place (the original's flag of the same name).
   */
  static void addFacts(HookContext context) {
    if (context.environment().hookName().equals("upgrade-charm")) {
      context.service(charms.reactive.HookFacts.class).add("charm.upgraded");
    }
  }

  @Override
  public Flux<FlagFact> facts(HookContext context) {
    return Flux.defer(() -> switch (context.environment().hookName()) {
      case "pre-series-upgrade" -> Flux.just(FlagFact.set(FLAG));
      case "post-series-upgrade" -> Flux.just(FlagFact.cleared(FLAG));
      case "upgrade-charm" -> Flux.just(FlagFact.set(UPGRADED));
      default -> Flux.empty();
    });
  }

  /** Exit callback: {@code charm.upgraded} lasts one hook. */
  static void clearAtExit(HookContext context) {
    context.flags().clear(UPGRADED);
  }
}
