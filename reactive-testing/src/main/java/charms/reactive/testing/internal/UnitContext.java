package charms.reactive.testing.internal;

import charms.reactive.juju.ConfigOptions;
import charms.reactive.testing.ActionOutcome;
import charms.reactive.testing.ActionSpec;
import charms.reactive.testing.CharmSpec;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.LogLine;
import charms.reactive.testing.Network;
import charms.reactive.testing.Port;
import charms.reactive.testing.RelationState;
import charms.reactive.testing.Status;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The model as one hook sees it, and what the hook changed. Reads come from the snapshot taken
 * at the start (config, remote relation data, committed ports); the unit's own relation bags,
 * charm state and leader settings follow the hook's own writes. {@link #finish} applies Juju's
 * commit rules: buffered changes (relation data, ports, charm state) only on success; immediate
 * ones (status, leader settings, workload version, logs, action results) always.
 *
 * <p>Not thread-safe by itself: {@code FakeHookTools} serialises every call, as Juju's jujuc
 * server runs one command at a time per context.
 */
public final class UnitContext {
  private final CharmSpec charm;
  private final JujuState input;
  private final HookEvent event;
  private final Map<Integer, RelationContext> relations = new LinkedHashMap<>();
  private final SortedMap<String, Object> config;
  private final Map<String, Object> actionParams;
  private final TreeMap<String, String> leaderSettings;
  private final TreeMap<String, String> charmState;
  private final List<PortChange> portChanges = new ArrayList<>();
  private final List<LogLine> logs = new ArrayList<>();
  private final List<Status> unitStatusHistory = new ArrayList<>();
  private final List<Status> appStatusHistory = new ArrayList<>();
  private final Map<String, Object> actionResults = new TreeMap<>();
  private final List<String> actionLogs = new ArrayList<>();
  private Status unitStatus;
  private Status appStatus;
  private String workloadVersion;
  private String actionFailure;

  private record PortChange(boolean open, Port port) {
  }

  public UnitContext(CharmSpec charm, JujuState input, HookEvent event) {
    this.charm = charm;
    this.input = input;
    this.event = event;
    String departing = "relation-departed".equals(event.name()) ? event.departingUnit() : null;
    for (RelationState r : input.relations()) {
      boolean thisHook = event.relationId() != null && event.relationId() == r.id();
      relations.put(r.id(), new RelationContext(r, charm.isPeer(r.endpoint()), input.appName(),
          thisHook ? departing : null));
    }
    this.config = effectiveConfig(charm.config(), input.config());
    this.actionParams = event.isAction() ? paramsWithDefaults(charm.actions().get(event.name()),
        event.actionParams()) : null;
    this.leaderSettings = new TreeMap<>(input.leaderSettings());
    this.charmState = new TreeMap<>(input.charmState());
    this.unitStatus = input.unitStatus();
    this.appStatus = input.appStatus();
    this.workloadVersion = input.workloadVersion();
  }

  /** Config as {@code config-get --all} sees it: defaults overlaid by operator values. */
  static SortedMap<String, Object> effectiveConfig(ConfigOptions options, Map<String, Object> set) {
    TreeMap<String, Object> effective = new TreeMap<>();
    options.options().forEach((name, option) -> {
      Object value = set.containsKey(name) ? set.get(name) : fromJson(option.defaultValue());
      if ("float".equals(option.type()) && value instanceof Number n) {
        value = n.doubleValue();
      }
      effective.put(name, value);
    });
    return effective;
  }

  private static Object fromJson(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }

  private static Map<String, Object> paramsWithDefaults(ActionSpec spec,
      Map<String, Object> given) {
    Map<String, Object> params = new TreeMap<>();
    if (spec != null) {
      params.putAll(spec.defaults());
    }
    params.putAll(given);
    return params;
  }

  // --- identity --------------------------------------------------------------------------

  public CharmSpec charm() {
    return charm;
  }

  public HookEvent event() {
    return event;
  }

  public JujuState input() {
    return input;
  }

  public String unitName() {
    return input.unitName();
  }

  public String appName() {
    return input.appName();
  }

  public boolean isLeader() {
    return input.leader();
  }

  public boolean isRestricted() {
    return event.isRestricted();
  }

  public boolean isAction() {
    return event.isAction();
  }

  // --- relations -------------------------------------------------------------------------

  public Optional<RelationContext> relation(int id) {
    return Optional.ofNullable(relations.get(id));
  }

  /** The relation of a relation hook. */
  public Optional<RelationContext> hookRelation() {
    return event.relationId() == null ? Optional.empty() : relation(event.relationId());
  }

  /** The remote unit of a relation hook, if not empty. */
  public Optional<String> remoteUnit() {
    return Optional.ofNullable(event.remoteUnit()).filter(u -> !u.isEmpty());
  }

  /** The remote application of a relation hook. */
  public Optional<String> remoteApp() {
    return hookRelation().map(RelationContext::remoteApp);
  }

  /**
   * The relations on an endpoint as {@code endpoint:id}, by id, without the relation being
   * broken in this hook.
   */
  public List<String> relationIds(String endpoint) {
    boolean broken = "relation-broken".equals(event.name());
    return relations.values().stream()
        .filter(r -> r.endpoint().equals(endpoint))
        .filter(r -> !(broken && event.relationId() == r.id()))
        .sorted(java.util.Comparator.comparingInt(RelationContext::id))
        .map(RelationContext::ref).toList();
  }

  public void relationSet(RelationContext relation, boolean app, Map<String, String> settings) {
    relation.write(app, settings);
  }

  // --- config, leadership, status, version -----------------------------------------------

  public SortedMap<String, Object> config() {
    return Collections.unmodifiableSortedMap(config);
  }

  public SortedMap<String, String> leaderSettings() {
    return Collections.unmodifiableSortedMap(leaderSettings);
  }

  /** Immediate, like Juju's: kept even if the hook fails. Empty values delete. */
  public void writeLeaderSettings(Map<String, String> settings) {
    settings.forEach((k, v) -> {
      if (v.isEmpty()) {
        leaderSettings.remove(k);
      } else {
        leaderSettings.put(k, v);
      }
    });
  }

  public Status unitStatus() {
    return unitStatus;
  }

  public Status appStatus() {
    return appStatus;
  }

  public void setUnitStatus(Status status) {
    unitStatus = status;
    unitStatusHistory.add(status);
  }

  public void setAppStatus(Status status) {
    appStatus = status;
    appStatusHistory.add(status);
  }

  public void setWorkloadVersion(String version) {
    workloadVersion = version;
  }

  public void log(String level, String message) {
    logs.add(new LogLine(level, message));
  }

  // --- ports and network -----------------------------------------------------------------

  /** The ranges open when the hook started; this hook's changes are not visible. */
  public SortedSet<Port> committedPorts() {
    return input.openedPorts();
  }

  public void openPort(Port port) {
    portChanges.add(new PortChange(true, port));
  }

  public void closePort(Port port) {
    portChanges.add(new PortChange(false, port));
  }

  public Network network(String binding) {
    return input.network(binding);
  }

  // --- charm state -----------------------------------------------------------------------

  public SortedMap<String, String> charmState() {
    return Collections.unmodifiableSortedMap(charmState);
  }

  public void setCharmState(Map<String, String> values) {
    charmState.putAll(values);
  }

  public void deleteCharmState(String key) {
    charmState.remove(key);
  }

  // --- actions ---------------------------------------------------------------------------

  /** The action's parameters with defaults, or null outside an action. */
  public Map<String, Object> actionParams() {
    return actionParams;
  }

  /** Sets a result at a dotted path, replacing a non-map value on the way, as Juju does. */
  @SuppressWarnings("unchecked")
  public void setActionResult(List<String> keys, String value) {
    Map<String, Object> node = actionResults;
    for (String key : keys.subList(0, keys.size() - 1)) {
      Object next = node.get(key);
      if (!(next instanceof Map<?, ?>)) {
        next = new TreeMap<String, Object>();
        node.put(key, next);
      }
      node = (Map<String, Object>) next;
    }
    node.put(keys.get(keys.size() - 1), value);
  }

  public void failAction(String message) {
    actionFailure = message;
  }

  public void logAction(String message) {
    actionLogs.add(message);
  }

  // --- outcome ---------------------------------------------------------------------------

  public List<LogLine> logs() {
    return List.copyOf(logs);
  }

  public List<Status> unitStatusHistory() {
    return List.copyOf(unitStatusHistory);
  }

  public List<Status> appStatusHistory() {
    return List.copyOf(appStatusHistory);
  }

  /**
   * The action's outcome for a hook that exited with {@code exitCode}; a non-zero exit without
   * {@code action-fail} fails the action with {@code exit status <n>}, as Juju does.
   */
  public ActionOutcome actionOutcome(int exitCode) {
    String failure = actionFailure;
    if (failure == null && exitCode != 0) {
      failure = "exit status " + exitCode;
    }
    return new ActionOutcome(event.name(), actionParams, deepCopy(actionResults),
        Optional.ofNullable(failure), actionLogs);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m
        ? Collections.unmodifiableMap(deepCopy((Map<String, Object>) m)) : v));
    return copy;
  }

  /**
   * The model after the hook: immediate changes always, buffered ones only if it succeeded. The
   * framework's unit state is left as it was (the caller sets it).
   */
  public JujuState finish(boolean succeeded) {
    JujuState out = input.withLeaderSettings(leaderSettings).withUnitStatus(unitStatus)
        .withAppStatus(appStatus).withWorkloadVersion(workloadVersion);
    if (!succeeded) {
      return out;
    }
    List<RelationState> committed = new ArrayList<>();
    for (RelationContext r : relations.values()) {
      committed.add(r.committed());
    }
    TreeSet<Port> ports = new TreeSet<>(input.openedPorts());
    for (PortChange change : portChanges) {
      if (change.open()) {
        ports.add(change.port());
      } else {
        ports.remove(change.port());
      }
    }
    return out.withRelations(committed).withOpenedPorts(ports).withCharmState(charmState);
  }
}
