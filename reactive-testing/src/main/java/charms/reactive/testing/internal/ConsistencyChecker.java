package charms.reactive.testing.internal;

import charms.reactive.juju.ConfigOptions;
import charms.reactive.testing.ActionSpec;
import charms.reactive.testing.CharmSpec;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.Port;
import charms.reactive.testing.RelationState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what in an input state and event Juju could never produce for this charm, before the
 * hook runs: endpoints, storage and actions not declared in the charm's files, config keys and
 * types that do not match {@code config.yaml}, malformed relations, relation hooks without the
 * remote unit Juju would give them. Each problem names what is wrong and where.
 */
public final class ConsistencyChecker {
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?([-.].*)?");
  private static final Set<String> REMOVED_IN_4 = Set.of("collect-metrics",
      "meter-status-changed", "pre-series-upgrade", "post-series-upgrade");

  private ConsistencyChecker() {
  }

  /** Every problem found, or an empty list. */
  public static List<String> check(CharmSpec charm, JujuState state, HookEvent event) {
    List<String> problems = new ArrayList<>();
    checkUnit(state, problems);
    checkConfig(charm.config(), state.config(), problems);
    checkRelations(charm, state, problems);
    checkNetworksAndPorts(charm, state, problems);
    checkEvent(charm, state, event, problems);
    return problems;
  }

  private static void checkUnit(JujuState state, List<String> problems) {
    if (!UnitNames.isValidApplication(state.appName())) {
      problems.add("application name '" + state.appName() + "' is not a valid Juju application "
          + "name");
    }
    if (!VERSION.matcher(state.jujuVersion()).matches()) {
      problems.add("Juju version '" + state.jujuVersion() + "' is not a version such as 3.6.4");
    }
  }

  static void checkConfig(ConfigOptions options, Map<String, Object> config,
      List<String> problems) {
    config.forEach((key, value) -> {
      ConfigOptions.Option option = options.options().get(key);
      if (option == null) {
        problems.add("config option '" + key + "' is not declared in config.yaml (declared: "
            + String.join(", ", options.options().keySet()) + ")");
        return;
      }
      boolean fits = switch (option.type()) {
        case "int" -> value instanceof Long;
        case "float" -> value instanceof Long || value instanceof Double;
        case "boolean" -> value instanceof Boolean;
        case "secret" -> value instanceof String s && s.startsWith("secret:");
        default -> value instanceof String;
      };
      if (!fits) {
        problems.add("config option '" + key + "' has type " + option.type()
            + " in config.yaml, but the state gives " + describe(value));
      }
    });
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "the string \"" + s + "\"";
    }
    return value + " (" + value.getClass().getSimpleName() + ")";
  }

  private static void checkRelations(CharmSpec charm, JujuState state, List<String> problems) {
    Set<Integer> ids = new HashSet<>();
    for (RelationState r : state.relations()) {
      String where = "relation " + r.ref();
      if (!ids.add(r.id())) {
        problems.add(where + ": another relation in the state has id " + r.id());
      }
      Optional<String> declared = charm.interfaceOf(r.endpoint());
      if (declared.isEmpty()) {
        problems.add(where + ": endpoint '" + r.endpoint() + "' is not declared in metadata.yaml"
            + " (declared: " + String.join(", ", charm.endpoints()) + ")");
        continue;
      }
      if (r.interfaceName() != null && !r.interfaceName().equals(declared.get())) {
        problems.add(where + ": interface '" + r.interfaceName() + "' differs from '"
            + declared.get() + "' in metadata.yaml");
      }
      if (charm.isPeer(r.endpoint())) {
        checkPeer(state, r, where, problems);
      } else {
        checkRemote(state, r, where, problems);
      }
    }
  }

  private static void checkPeer(JujuState state, RelationState r, String where,
      List<String> problems) {
    if (r.remoteApp() != null && !r.remoteApp().equals(state.appName())) {
      problems.add(where + ": a peer relation's remote application is this application ('"
          + state.appName() + "'), not '" + r.remoteApp() + "'");
    }
    if (!r.remoteAppData().isEmpty()) {
      problems.add(where + ": a peer relation has one application bag: put the data in "
          + "localAppData, not remoteAppData");
    }
    for (String unit : r.remoteUnits().keySet()) {
      if (unit.equals(state.unitName())) {
        problems.add(where + ": the peers must not include this unit (" + unit + ")");
      } else if (!UnitNames.isValidUnit(unit)
          || !UnitNames.applicationOf(unit).equals(state.appName())) {
        problems.add(where + ": peer '" + unit + "' is not a unit of " + state.appName());
      }
    }
  }

  private static void checkRemote(JujuState state, RelationState r, String where,
      List<String> problems) {
    if (r.remoteApp() == null || !UnitNames.isValidApplication(r.remoteApp())) {
      problems.add(where + ": the remote application '" + r.remoteApp()
          + "' is not a valid application name");
      return;
    }
    if (r.remoteApp().equals(state.appName())) {
      problems.add(where + ": the remote application is this application; declare the endpoint "
          + "under peers for that");
    }
    for (String unit : r.remoteUnits().keySet()) {
      if (!UnitNames.isValidUnit(unit) || !UnitNames.applicationOf(unit).equals(r.remoteApp())) {
        problems.add(where + ": remote unit '" + unit + "' is not a unit of " + r.remoteApp());
      }
    }
  }

  private static void checkNetworksAndPorts(CharmSpec charm, JujuState state,
      List<String> problems) {
    for (String binding : state.networks().keySet()) {
      if (!charm.bindings().contains(binding)) {
        problems.add("network binding '" + binding + "' is neither an endpoint nor an extra "
            + "binding in metadata.yaml");
      }
    }
    for (Port port : state.openedPorts()) {
      if (!port.endpoint().isEmpty() && !charm.bindings().contains(port.endpoint())) {
        problems.add("opened port " + port + " is for endpoint '" + port.endpoint()
            + "', which metadata.yaml does not declare");
      }
    }
  }

  private static void checkEvent(CharmSpec charm, JujuState state, HookEvent event,
      List<String> problems) {
    String hook = "hook " + event.hookName();
    switch (event.kind()) {
      case UNIT -> {
        if (!HookEvent.UNIT_HOOKS.contains(event.name())) {
          problems.add(hook + ": Juju runs no such unit hook (unit hooks: "
              + String.join(", ", new java.util.TreeSet<>(HookEvent.UNIT_HOOKS)) + ")");
        } else if (REMOVED_IN_4.contains(event.name())
            && HookEnvironmentBuilder.majorVersion(state.jujuVersion()) >= 4) {
          problems.add(hook + ": removed in Juju 4.0, but the state's Juju version is "
              + state.jujuVersion());
        }
      }
      case RELATION -> checkRelationEvent(charm, state, event, hook, problems);
      case STORAGE -> {
        if (!charm.storage().containsKey(event.storageName())) {
          problems.add(hook + ": storage '" + event.storageName() + "' is not declared in "
              + "metadata.yaml (declared: " + String.join(", ", charm.storage().keySet()) + ")");
        }
      }
      case ACTION -> checkAction(charm, event, problems);
      default -> problems.add(hook + ": unknown event kind " + event.kind());
    }
  }

  private static void checkRelationEvent(CharmSpec charm, JujuState state, HookEvent event,
      String hook, List<String> problems) {
    if (charm.interfaceOf(event.endpoint()).isEmpty()) {
      problems.add(hook + ": endpoint '" + event.endpoint() + "' is not declared in "
          + "metadata.yaml (declared: " + String.join(", ", charm.endpoints()) + ")");
      return;
    }
    Optional<RelationState> relation = state.relation(event.relationId());
    if (relation.isEmpty()) {
      problems.add(hook + ": relation " + event.endpoint() + ":" + event.relationId()
          + " is not in the state; add it with JujuState.withRelation");
      return;
    }
    if (!relation.get().endpoint().equals(event.endpoint())) {
      problems.add(hook + ": relation id " + event.relationId() + " is on endpoint '"
          + relation.get().endpoint() + "' in the state, not '" + event.endpoint() + "'");
    }
    String suffix = event.name();
    boolean needsUnit = suffix.equals("relation-joined") || suffix.equals("relation-departed")
        || (suffix.equals("relation-changed") && event.remoteUnit() == null);
    if (needsUnit && (event.remoteUnit() == null || event.remoteUnit().isEmpty())) {
      problems.add(hook + ": Juju always gives " + suffix + " a remote unit (JUJU_REMOTE_UNIT);"
          + " name one (use relationAppChanged for a change of the remote application's bag)");
    } else if (event.remoteUnit() != null && !event.remoteUnit().isEmpty()
        && !relation.get().remoteUnits().containsKey(event.remoteUnit())) {
      problems.add(hook + ": remote unit '" + event.remoteUnit() + "' is not in relation "
          + relation.get().ref() + " (units: " + relation.get().remoteUnitNames() + ")");
    }
    if (suffix.equals("relation-departed")) {
      String departing = event.departingUnit();
      if (departing == null || !(departing.equals(event.remoteUnit())
          || departing.equals(state.unitName()))) {
        problems.add(hook + ": the departing unit must be the remote unit or this unit, was '"
            + departing + "'");
      }
    }
    if (suffix.equals("relation-broken") && charm.isPeer(event.endpoint())) {
      problems.add(hook + ": Juju never runs relation-broken for a peer relation");
    }
  }

  private static void checkAction(CharmSpec charm, HookEvent event, List<String> problems) {
    String where = "action " + event.name();
    ActionSpec spec = charm.actions().get(event.name());
    if (spec == null) {
      problems.add(where + ": not declared in actions.yaml (declared: "
          + String.join(", ", charm.actions().keySet()) + ")");
      return;
    }
    event.actionParams().forEach((name, value) -> {
      Map<String, Object> schema = spec.params().get(name);
      if (schema == null) {
        if (!spec.additionalProperties()) {
          problems.add(where + ": parameter '" + name + "' is not declared and the action "
              + "sets additionalProperties: false");
        }
        return;
      }
      Object type = schema.get("type");
      if (type != null && !fitsJsonType(String.valueOf(type), value)) {
        problems.add(where + ": parameter '" + name + "' must be of type " + type + ", was "
            + (value == null ? "null" : describe(value)));
      }
    });
    for (String required : spec.required()) {
      if (!event.actionParams().containsKey(required)
          && !spec.params().getOrDefault(required, Map.of()).containsKey("default")) {
        problems.add(where + ": required parameter '" + required + "' is missing");
      }
    }
  }

  private static boolean fitsJsonType(String type, Object value) {
    return switch (type) {
      case "string" -> value instanceof String;
      case "integer" -> value instanceof Integer || value instanceof Long
          || value instanceof Short || value instanceof Byte;
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      case "array" -> value instanceof List<?>;
      case "object" -> value instanceof Map<?, ?>;
      case "null" -> value == null;
      default -> true;
    };
  }
}
