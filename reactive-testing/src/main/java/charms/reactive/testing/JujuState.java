package charms.reactive.testing;

import charms.reactive.state.StateDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The Juju model as one unit sees it, as an immutable value: what goes into a hook and what comes
 * out of it. The {@code with...} methods return changed copies; nothing is ever mutated, so an
 * input state can be reused across tests.
 *
 * <p>Config holds only the values the operator set; the defaults come from the charm's
 * {@code config.yaml} (the harness merges them, as Juju does). Values are normalised: integers
 * become {@link Long}, floating-point numbers {@link Double}.
 *
 * @param appName this unit's application
 * @param unitNumber this unit's number ({@code app/<n>})
 * @param leader whether this unit is the application's leader
 * @param modelName the model's name
 * @param modelUuid the model's UUID
 * @param jujuVersion the agent version the hook runs under, such as {@code 3.6.4}
 * @param config option name to the operator-set value (String, Long, Double or Boolean)
 * @param relations the unit's relations, including peer relations
 * @param leaderSettings the application's leader settings ({@code leader-get})
 * @param unitStatus this unit's workload status
 * @param appStatus the application's status
 * @param workloadVersion the workload version ({@code application-version-set}), empty if unset
 * @param openedPorts the port ranges this unit has open
 * @param charmState Juju's server-side charm state ({@code state-get}/{@code state-set})
 * @param defaultNetwork what {@code network-get} reports for a binding not in {@code networks}
 * @param networks binding name to its network, for bindings that differ from the default
 * @param unitState the framework's persisted unit state: flags, charm data, framework records
 */
public record JujuState(String appName, int unitNumber, boolean leader, String modelName,
    String modelUuid, String jujuVersion, SortedMap<String, Object> config,
    List<RelationState> relations, SortedMap<String, String> leaderSettings, Status unitStatus,
    Status appStatus, String workloadVersion, SortedSet<Port> openedPorts,
    SortedMap<String, String> charmState, Network defaultNetwork,
    SortedMap<String, Network> networks, StateDocument unitState) {

  /** The Juju version a state has unless told otherwise. */
  public static final String DEFAULT_JUJU_VERSION = "3.6.4";

  public JujuState {
    Objects.requireNonNull(appName, "appName");
    if (unitNumber < 0) {
      throw new IllegalArgumentException("unit number must be >= 0, was " + unitNumber);
    }
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(modelUuid, "modelUuid");
    Objects.requireNonNull(jujuVersion, "jujuVersion");
    config = normaliseConfig(config);
    relations = List.copyOf(relations);
    leaderSettings = strings(leaderSettings, "leader settings");
    Objects.requireNonNull(unitStatus, "unitStatus");
    Objects.requireNonNull(appStatus, "appStatus");
    Objects.requireNonNull(workloadVersion, "workloadVersion");
    openedPorts = Collections.unmodifiableSortedSet(new TreeSet<>(openedPorts));
    charmState = strings(charmState, "charm state");
    Objects.requireNonNull(defaultNetwork, "defaultNetwork");
    networks = Collections.unmodifiableSortedMap(new TreeMap<>(networks));
    Objects.requireNonNull(unitState, "unitState");
  }

  /**
   * The state of a freshly deployed unit {@code app/n}: not leader, no config set, no relations,
   * status unknown, empty unit state, Juju {@value #DEFAULT_JUJU_VERSION}.
   */
  public static JujuState forUnit(String appName, int unitNumber) {
    return new JujuState(appName, unitNumber, false, "test-model",
        UUID.nameUUIDFromBytes(("model:" + appName)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
        DEFAULT_JUJU_VERSION, new TreeMap<>(), List.of(), new TreeMap<>(), Status.unknown(),
        Status.unknown(), "", new TreeSet<>(), new TreeMap<>(), Network.defaults(), new TreeMap<>(),
        StateDocument.empty());
  }

  /** {@link #forUnit(String, int)} from a unit name such as {@code app/0}. */
  public static JujuState forUnit(String unitName) {
    int slash = unitName.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("invalid unit name '" + unitName + "', expected app/<n>");
    }
    try {
      return forUnit(unitName.substring(0, slash), Integer.parseInt(unitName.substring(slash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid unit name '" + unitName
          + "', expected app/<n>", e);
    }
  }

  private static SortedMap<String, Object> normaliseConfig(Map<String, ?> values) {
    TreeMap<String, Object> copy = new TreeMap<>();
    values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "config key"), normalise(k, v)));
    return Collections.unmodifiableSortedMap(copy);
  }

  private static Object normalise(String key, Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    throw new IllegalArgumentException("config option '" + key + "': value " + value
        + (value == null ? "" : " of type " + value.getClass().getSimpleName())
        + " is not a string, integer, float or boolean (leave an option out to unset it)");
  }

  private static SortedMap<String, String> strings(Map<String, String> values, String what) {
    TreeMap<String, String> copy = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k == null || v == null) {
        throw new IllegalArgumentException(what + " hold a null key or value");
      }
      copy.put(k, v);
    });
    return Collections.unmodifiableSortedMap(copy);
  }

  /** {@code app/n}. */
  public String unitName() {
    return appName + "/" + unitNumber;
  }

  // --- relations -------------------------------------------------------------------------

  /** The relation with this id, if the unit is in it. */
  public Optional<RelationState> relation(int id) {
    return relations.stream().filter(r -> r.id() == id).findFirst();
  }

  /** The relation with this id. @throws IllegalArgumentException if there is none */
  public RelationState requireRelation(int id) {
    return relation(id).orElseThrow(() -> new IllegalArgumentException("no relation with id " + id
        + " in the state (relations: " + relations.stream().map(RelationState::ref).toList()
        + ")"));
  }

  /** The relations on one endpoint, in state order. */
  public List<RelationState> relations(String endpoint) {
    return relations.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
  }

  /** Adds the relation, or replaces the one with the same id in place. */
  public JujuState withRelation(RelationState relation) {
    List<RelationState> list = new ArrayList<>(relations);
    boolean replaced = false;
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id() == relation.id()) {
        list.set(i, relation);
        replaced = true;
      }
    }
    if (!replaced) {
      list.add(relation);
    }
    return withRelations(list);
  }

  public JujuState withoutRelation(int id) {
    return withRelations(relations.stream().filter(r -> r.id() != id).toList());
  }

  public JujuState withRelations(List<RelationState> list) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion, config,
        list, leaderSettings, unitStatus, appStatus, workloadVersion, openedPorts, charmState,
        defaultNetwork, networks, unitState);
  }

  // --- everything else -------------------------------------------------------------------

  public JujuState withLeader(boolean isLeader) {
    return new JujuState(appName, unitNumber, isLeader, modelName, modelUuid, jujuVersion, config,
        relations, leaderSettings, unitStatus, appStatus, workloadVersion, openedPorts, charmState,
        defaultNetwork, networks, unitState);
  }

  public JujuState withModel(String name, String uuid) {
    return new JujuState(appName, unitNumber, leader, name, uuid, jujuVersion, config,
        relations, leaderSettings, unitStatus, appStatus, workloadVersion, openedPorts, charmState,
        defaultNetwork, networks, unitState);
  }

  public JujuState withJujuVersion(String version) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, version, config,
        relations, leaderSettings, unitStatus, appStatus, workloadVersion, openedPorts, charmState,
        defaultNetwork, networks, unitState);
  }

  /** Replaces every operator-set config value. */
  public JujuState withConfig(Map<String, ?> values) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion,
        normaliseConfig(values), relations, leaderSettings, unitStatus, appStatus,
        workloadVersion, openedPorts, charmState, defaultNetwork, networks, unitState);
  }

  /** Sets one config value, as {@code juju config app key=value} would. */
  public JujuState withConfig(String key, Object value) {
    TreeMap<String, Object> copy = new TreeMap<>(config);
    copy.put(key, normalise(key, value));
    return withConfig(copy);
  }

  /** Unsets one config value, so its default applies. */
  public JujuState withoutConfig(String key) {
    TreeMap<String, Object> copy = new TreeMap<>(config);
    copy.remove(key);
    return withConfig(copy);
  }

  public JujuState withLeaderSettings(Map<String, String> settings) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion, config,
        relations, new TreeMap<>(settings), unitStatus, appStatus, workloadVersion, openedPorts,
        charmState,
        defaultNetwork, networks, unitState);
  }

  public JujuState withUnitStatus(Status status) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion, config,
        relations, leaderSettings, status, appStatus, workloadVersion, openedPorts, charmState,
        defaultNetwork, networks, unitState);
  }

  public JujuState withAppStatus(Status status) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion, config,
        relations, leaderSettings, unitStatus, status, workloadVersion, openedPorts, charmState,
        defaultNetwork, networks, unitState);
  }

  public JujuState withWorkloadVersion(String version) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion, config,
        relations, leaderSettings, unitStatus, appStatus, version, openedPorts, charmState,
        defaultNetwork, networks, unitState);
  }

  public JujuState withOpenedPorts(Set<Port> ports) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion, config,
        relations, leaderSettings, unitStatus, appStatus, workloadVersion, new TreeSet<>(ports),
        charmState, defaultNetwork, networks, unitState);
  }

  public JujuState withCharmState(Map<String, String> state) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion, config,
        relations, leaderSettings, unitStatus, appStatus, workloadVersion, openedPorts,
        new TreeMap<>(state),
        defaultNetwork, networks, unitState);
  }

  public JujuState withDefaultNetwork(Network network) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion, config,
        relations, leaderSettings, unitStatus, appStatus, workloadVersion, openedPorts, charmState,
        network, networks, unitState);
  }

  /** Gives one binding (an endpoint or extra binding) its own network. */
  public JujuState withNetwork(String binding, Network network) {
    TreeMap<String, Network> copy = new TreeMap<>(networks);
    copy.put(binding, network);
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion, config,
        relations, leaderSettings, unitStatus, appStatus, workloadVersion, openedPorts, charmState,
        defaultNetwork, copy, unitState);
  }

  /** The network of a binding: its own, or the default. */
  public Network network(String binding) {
    return networks.getOrDefault(binding, defaultNetwork);
  }

  public JujuState withUnitState(StateDocument document) {
    return new JujuState(appName, unitNumber, leader, modelName, modelUuid, jujuVersion, config,
        relations, leaderSettings, unitStatus, appStatus, workloadVersion, openedPorts, charmState,
        defaultNetwork, networks, document);
  }

  /** Adds plain flags (JSON null values) to the framework's persisted unit state. */
  public JujuState withFlags(String... flags) {
    TreeMap<String, JsonNode> map = new TreeMap<>(unitState.flags());
    for (String flag : flags) {
      map.put(flag, NullNode.getInstance());
    }
    return withUnitState(new StateDocument(map, unitState.data(), unitState.framework()));
  }

  /** The flags set in the framework's persisted unit state, sorted. */
  public SortedSet<String> flags() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(unitState.flags().keySet()));
  }

  public boolean hasFlag(String flag) {
    return unitState.flags().containsKey(flag);
  }

  /** A value of the charm's key/value data in the persisted unit state, if set. */
  public Optional<JsonNode> data(String key) {
    return Optional.ofNullable(unitState.data().get(key));
  }
}
