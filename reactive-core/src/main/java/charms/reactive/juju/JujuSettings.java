package charms.reactive.juju;

/**
 * How the Juju integration behaves.
 *
 * @param readConfigEveryHook call {@code config-get} in every hook, as layer-basic does; by
 *     default config is read only in the hooks where Juju can have changed it (install, start,
 *     config-changed, upgrade-charm, post-series-upgrade, and whenever no snapshot is stored) and
 *     the committed snapshot stands in elsewhere
 * @param readLeaderSettingsEveryHook call {@code leader-get} in every hook; by default only in
 *     install, upgrade-charm, leader-elected, leader-settings-changed, or without a snapshot
 * @param stateInController keep the unit state in Juju's controller ({@code state-get} /
 *     {@code state-set}) instead of a file in the charm directory, for units whose disk does not
 *     survive (Kubernetes)
 */
public record JujuSettings(boolean readConfigEveryHook, boolean readLeaderSettingsEveryHook,
    boolean stateInController) {

  public static JujuSettings defaults() {
    return new JujuSettings(false, false, false);
  }

  public JujuSettings withReadConfigEveryHook(boolean every) {
    return new JujuSettings(every, readLeaderSettingsEveryHook, stateInController);
  }

  public JujuSettings withReadLeaderSettingsEveryHook(boolean every) {
    return new JujuSettings(readConfigEveryHook, every, stateInController);
  }

  public JujuSettings withStateInController(boolean controller) {
    return new JujuSettings(readConfigEveryHook, readLeaderSettingsEveryHook, controller);
  }
}
