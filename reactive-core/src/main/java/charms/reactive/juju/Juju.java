package charms.reactive.juju;

import charms.reactive.internal.juju.JujuLog;
import charms.reactive.spi.CharmExtension;
import charms.reactive.HookLog;
import charms.reactive.ReactiveCharm;

/**
 * Connects a charm to Juju: the hook-tool client, logging through {@code juju-log}, the managed
 * flags of layer-basic and the leadership layer ({@code config.*}, {@code leadership.*},
 * {@code upgrade.series.in-progress}) and status by priority. Register it first, so its flags
 * are set before any other source's and cleared after every other exit callback, as with
 * layer-basic:
 *
 * <pre>{@code
 * ReactiveCharm.builder().use(Juju.integration()).handlers(new MyCharm()).build().run();
 * }</pre>
 *
 * <p>Every hook starts by checking the charm's {@code metadata.yaml} and {@code actions.yaml}:
 * a malformed one fails the hook with an error naming the file and the line.
 *
 * <p>Stable handlers may declare {@code config:<option>} and {@code leader:<key>} inputs; the
 * hook-scoped facts {@code config.<option>}, {@code config}, {@code leader.<key>}, {@code leader}
 * and {@code charm.upgraded} hold in the hook where the change was read.
 *
 * <p>Handlers get {@link HookTools}, {@link StatusReporter}, {@link CharmConfig} (typed config)
 * and {@link LeaderData} (typed leader settings) injected by type.
 */
public final class Juju {
  /** The owner name of this integration's framework records. */
  static final String RECORDS = "juju";

  private Juju() {
  }

  public static CharmExtension integration() {
    return integration(JujuSettings.defaults());
  }

  public static CharmExtension integration(JujuSettings settings) {
    return (ReactiveCharm.Builder builder) -> {
      builder.hookService(HookTools.class, HookTools::forHook)
          .hookService(StatusReporter.class, services -> new StatusReporter())
          .hookService(Readings.class, services -> new Readings())
          .hookService(CharmConfig.class, services -> new CharmConfig(
              services.get(HookTools.class), services.environment().charmDir()))
          .hookService(LeaderData.class, services -> new LeaderData(services.get(HookTools.class)))
          .log(services -> services.environment().contextId().isPresent()
              && !services.environment().isRestricted()
              ? new JujuLog(services.get(HookTools.class)) : HookLog.stderr());
      ConfigFlags config = new ConfigFlags(settings);
      LeadershipFlags leadership = new LeadershipFlags(settings);
      // the charm's own files are checked before anything reads them; then reading (and
      // recording for the next hook) happens once, at the start; the sources only derive flags
      // from what was read
      builder.inputReader("config", (context, option) -> context.service(CharmConfig.class)
              .get(option).orElse(null))
          .inputReader("leader", (context, key) -> context.service(LeaderData.class)
              .get(key).orElse(null));
      builder.onStart(CharmFiles::validate)
          .onStart(config::read)
          .onStart(leadership::read)
          .onStart(UpgradeFlags::addFacts)
          .source(config)
          .source(new UpgradeFlags())
          .source(leadership)
          .onExit(ConfigFlags::clearAtExit)
          .onExit(UpgradeFlags::clearAtExit)
          .onExit(context -> context.service(StatusReporter.class).commit(context));
      if (settings.stateInController()) {
        builder.stateStore(services -> new JujuStateStore(services.get(HookTools.class)));
      }
    };
  }
}
