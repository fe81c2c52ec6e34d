package charms.reactive.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One event Juju can run on a unit: a unit hook, a relation hook, a storage hook or an action.
 * Immutable; made with the static factories, which mirror Juju's hook names. Whether the charm's
 * metadata can produce the event is checked by the harness before it runs.
 *
 * @param kind what kind of event
 * @param name for unit hooks the hook name; for relation hooks the suffix
 *     ({@code relation-changed}); for storage hooks the suffix ({@code storage-attached}); for
 *     actions the action name
 * @param endpoint the relation endpoint of a relation hook, else null
 * @param relationId the relation id of a relation hook, else null
 * @param remoteUnit {@code JUJU_REMOTE_UNIT} of a relation hook, null if there is none
 * @param departingUnit {@code JUJU_DEPARTING_UNIT} of {@code -relation-departed}, else null
 * @param storageName the storage of a storage hook, else null
 * @param storageIndex the storage instance number of a storage hook, else null
 * @param storageLocation the mount point or device of a storage hook, else null
 * @param actionParams the parameters of an action as given (defaults are added by the harness)
 * @param actionId the action's task id, or null to let the harness number it
 * @param targetBase {@code JUJU_TARGET_BASE} of {@code pre-series-upgrade}, else null
 */
public record HookEvent(Kind kind, String name, String endpoint, Integer relationId,
    String remoteUnit, String departingUnit, String storageName, Integer storageIndex,
    String storageLocation, Map<String, Object> actionParams, String actionId, String targetBase) {

  /** The kinds of events. */
  public enum Kind { UNIT, RELATION, STORAGE, ACTION }

  /** The unit hooks of Juju 3.x that need no endpoint, storage or container. */
  public static final Set<String> UNIT_HOOKS = Set.of("install", "start", "config-changed",
      "update-status", "leader-elected", "leader-settings-changed", "upgrade-charm", "stop",
      "remove", "pre-series-upgrade", "post-series-upgrade", "collect-metrics",
      "meter-status-changed");

  /** The relation hook suffixes. */
  public static final Set<String> RELATION_HOOKS = Set.of("relation-created", "relation-joined",
      "relation-changed", "relation-departed", "relation-broken");

  public HookEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    actionParams = actionParams == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(actionParams));
  }

  private static HookEvent unitHook(String name) {
    return new HookEvent(Kind.UNIT, name, null, null, null, null, null, null, null, null, null,
        null);
  }

  public static HookEvent install() {
    return unitHook("install");
  }

  public static HookEvent start() {
    return unitHook("start");
  }

  public static HookEvent configChanged() {
    return unitHook("config-changed");
  }

  public static HookEvent updateStatus() {
    return unitHook("update-status");
  }

  public static HookEvent leaderElected() {
    return unitHook("leader-elected");
  }

  public static HookEvent leaderSettingsChanged() {
    return unitHook("leader-settings-changed");
  }

  public static HookEvent upgradeCharm() {
    return unitHook("upgrade-charm");
  }

  public static HookEvent stop() {
    return unitHook("stop");
  }

  public static HookEvent remove() {
    return unitHook("remove");
  }

  /** {@code pre-series-upgrade} to a base such as {@code ubuntu@24.04}. */
  public static HookEvent preSeriesUpgrade(String targetBase) {
    return new HookEvent(Kind.UNIT, "pre-series-upgrade", null, null, null, null, null, null,
        null, null, null, Objects.requireNonNull(targetBase, "targetBase"));
  }

  public static HookEvent postSeriesUpgrade() {
    return unitHook("post-series-upgrade");
  }

  /** {@code collect-metrics}, which runs in a restricted context. */
  public static HookEvent collectMetrics() {
    return unitHook("collect-metrics");
  }

  /** {@code meter-status-changed}, which runs in a restricted context. */
  public static HookEvent meterStatusChanged() {
    return unitHook("meter-status-changed");
  }

  /** A unit hook by name; the harness rejects names Juju never runs. */
  public static HookEvent unit(String hookName) {
    return unitHook(hookName);
  }

  private static HookEvent relationHook(String suffix, RelationState relation, String remoteUnit,
      String departingUnit) {
    Objects.requireNonNull(relation, "relation");
    return relationHook(suffix, relation.endpoint(), relation.id(), remoteUnit, departingUnit);
  }

  private static HookEvent relationHook(String suffix, String endpoint, int relationId,
      String remoteUnit, String departingUnit) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new HookEvent(Kind.RELATION, suffix, endpoint, relationId, remoteUnit, departingUnit,
        null, null, null, null, null, null);
  }

  /**
   * A relation hook by endpoint and relation id, with Juju's hook suffix
   * ({@code relation-created}, {@code relation-joined}, {@code relation-changed},
   * {@code relation-departed}, {@code relation-broken}); {@code remoteUnit} and
   * {@code departingUnit} may be null where Juju gives none. The relation must be in the state.
   *
   * @throws IllegalArgumentException if the suffix is not a relation hook's
   */
  public static HookEvent relation(String suffix, String endpoint, int relationId,
      String remoteUnit, String departingUnit) {
    if (!RELATION_HOOKS.contains(suffix)) {
      throw new IllegalArgumentException("'" + suffix + "' is not a relation hook; expected one of "
          + new java.util.TreeSet<>(RELATION_HOOKS));
    }
    return relationHook(suffix, endpoint, relationId, remoteUnit, departingUnit);
  }

  /** {@code <endpoint>-relation-created}: {@code JUJU_REMOTE_UNIT} is set but empty. */
  public static HookEvent relationCreated(RelationState relation) {
    return relationHook("relation-created", relation, null, null);
  }

  public static HookEvent relationJoined(RelationState relation, String remoteUnit) {
    return relationHook("relation-joined", relation, remoteUnit, null);
  }

  /** {@code -relation-changed} for a change in a remote unit's bag. */
  public static HookEvent relationChanged(RelationState relation, String remoteUnit) {
    return relationHook("relation-changed", relation, remoteUnit, null);
  }

  /**
   * {@code -relation-changed} for a change in the remote application's bag only: Juju runs it
   * with an empty {@code JUJU_REMOTE_UNIT}. This is the only relation-changed without a remote
   * unit the harness accepts.
   */
  public static HookEvent relationAppChanged(RelationState relation) {
    return relationHook("relation-changed", relation, "", null);
  }

  /** {@code -relation-departed} of {@code remoteUnit}, which is also the departing unit. */
  public static HookEvent relationDeparted(RelationState relation, String remoteUnit) {
    return relationHook("relation-departed", relation, remoteUnit, remoteUnit);
  }

  /**
   * {@code -relation-departed} with an explicit departing unit (this unit, when it is the one
   * leaving).
   */
  public static HookEvent relationDeparted(RelationState relation, String remoteUnit,
      String departingUnit) {
    return relationHook("relation-departed", relation, remoteUnit, departingUnit);
  }

  /** {@code -relation-broken}: {@code JUJU_REMOTE_UNIT} is set but empty. */
  public static HookEvent relationBroken(RelationState relation) {
    return relationHook("relation-broken", relation, null, null);
  }

  /** {@code <storage>-storage-attached} for instance {@code <storage>/<index>}. */
  public static HookEvent storageAttached(String storage, int index) {
    return storageHook("storage-attached", storage, index);
  }

  public static HookEvent storageDetaching(String storage, int index) {
    return storageHook("storage-detaching", storage, index);
  }

  private static HookEvent storageHook(String suffix, String storage, int index) {
    Objects.requireNonNull(storage, "storage");
    return new HookEvent(Kind.STORAGE, suffix, null, null, null, null, storage, index,
        "/var/lib/juju/storage/" + storage + "/" + index, null, null, null);
  }

  /** The same storage event with another mount point or device. */
  public HookEvent withStorageLocation(String location) {
    return new HookEvent(kind, name, endpoint, relationId, remoteUnit, departingUnit, storageName,
        storageIndex, location, actionParams, actionId, targetBase);
  }

  /** An action with its parameters (defaults from {@code actions.yaml} are added). */
  public static HookEvent action(String actionName, Map<String, ?> params) {
    return new HookEvent(Kind.ACTION, actionName, null, null, null, null, null, null, null,
        new LinkedHashMap<>(params), null, null);
  }

  public static HookEvent action(String actionName) {
    return action(actionName, Map.of());
  }

  /** The same action with a fixed task id ({@code JUJU_ACTION_UUID}). */
  public HookEvent withActionId(String id) {
    return new HookEvent(kind, name, endpoint, relationId, remoteUnit, departingUnit, storageName,
        storageIndex, storageLocation, actionParams, id, targetBase);
  }

  /**
   * The hook's name as {@code JUJU_HOOK_NAME} would give it ({@code db-relation-changed},
   * {@code data-storage-attached}); for an action, the action's name.
   */
  public String hookName() {
    return switch (kind) {
      case UNIT, ACTION -> name;
      case RELATION -> endpoint + "-" + name;
      case STORAGE -> storageName + "-" + name;
    };
  }

  /** {@code hooks/<hook>} or {@code actions/<action>}: Juju's {@code JUJU_DISPATCH_PATH}. */
  public String dispatchPath() {
    return (kind == Kind.ACTION ? "actions/" : "hooks/") + hookName();
  }

  public boolean isAction() {
    return kind == Kind.ACTION;
  }

  /** {@code collect-metrics} and {@code meter-status-changed} run in a restricted context. */
  public boolean isRestricted() {
    return kind == Kind.UNIT
        && (name.equals("collect-metrics") || name.equals("meter-status-changed"));
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(dispatchPath());
    if (relationId != null) {
      s.append(" (").append(endpoint).append(':').append(relationId);
      if (remoteUnit != null && !remoteUnit.isEmpty()) {
        s.append(", remote ").append(remoteUnit);
      }
      if (departingUnit != null) {
        s.append(", departing ").append(departingUnit);
      }
      s.append(')');
    }
    if (!actionParams.isEmpty()) {
      s.append(' ').append(actionParams);
    }
    return s.toString();
  }
}
