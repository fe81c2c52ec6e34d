package charms.reactive;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The environment Juju gave the hook process, and the hook's name.
 *
 * <p>The hook name is taken from {@code JUJU_DISPATCH_PATH} ({@code hooks/<name>} or
 * {@code actions/<name>}), then {@code JUJU_HOOK_NAME} if not empty, then the base name of the
 * program that was run (the system property {@code charms.reactive.program}, which a launcher sets
 * to its {@code $0}).
 */
public final class HookEnvironment {

  /** Hooks that run in restricted mode. */
  public static final Set<String> RESTRICTED_HOOKS = Set.of("collect-metrics", "meter-status-changed");

  private final Map<String, String> variables;
  private final String hookName;

  private HookEnvironment(Map<String, String> variables, String programName) {
    this.variables = Map.copyOf(variables);
    this.hookName = resolveHookName(this.variables, programName);
  }

  /** The environment of this process. */
  public static HookEnvironment fromSystem() {
    return of(System.getenv(), System.getProperty("charms.reactive.program"));
  }

  /** An environment built from the given variables; {@code programName} may be null. */
  public static HookEnvironment of(Map<String, String> variables, String programName) {
    return new HookEnvironment(variables, programName);
  }

  public static HookEnvironment of(Map<String, String> variables) {
    return of(variables, null);
  }

  private static String resolveHookName(Map<String, String> env, String programName) {
    String dispatchPath = env.get("JUJU_DISPATCH_PATH");
    if (dispatchPath != null && !dispatchPath.isBlank()) {
      return baseName(dispatchPath);
    }
    String hook = env.get("JUJU_HOOK_NAME");
    if (hook != null && !hook.isBlank()) {
      return hook;
    }
    if (programName != null && !programName.isBlank()) {
      return baseName(programName);
    }
    throw new ReactiveException("cannot tell which hook is running: none of JUJU_DISPATCH_PATH, "
        + "JUJU_HOOK_NAME or the program name (system property charms.reactive.program) is set");
  }

  private static String baseName(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** The hook's name, such as {@code install} or {@code db-relation-changed}. */
  public String hookName() {
    return hookName;
  }

  /** True for {@code collect-metrics} and {@code meter-status-changed}. */
  public boolean isRestricted() {
    return RESTRICTED_HOOKS.contains(hookName);
  }

  /** A variable, if set (an empty value counts as set). */
  public Optional<String> get(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** Every variable, unmodifiable. */
  public Map<String, String> variables() {
    return variables;
  }

  /**
   * The charm directory: {@code JUJU_CHARM_DIR}, then {@code CHARM_DIR}.
   *
   * @throws ReactiveException if neither is set
   */
  public Path charmDir() {
    return get("JUJU_CHARM_DIR").filter(v -> !v.isEmpty())
        .or(() -> get("CHARM_DIR").filter(v -> !v.isEmpty()))
        .map(Path::of)
        .orElseThrow(() -> new ReactiveException(
            "the charm directory is unknown: neither JUJU_CHARM_DIR nor CHARM_DIR is set"));
  }

  /** {@code JUJU_UNIT_NAME}, such as {@code app/0}. */
  public Optional<String> unitName() {
    return get("JUJU_UNIT_NAME").filter(v -> !v.isEmpty());
  }

  /** What kind of event this hook is for. */
  public HookKind kind() {
    if (actionName().isPresent()) {
      return HookKind.ACTION;
    }
    if (hookName.matches(".+-relation-(created|joined|changed|departed|broken)")) {
      return HookKind.RELATION;
    }
    if (hookName.matches(".+-storage-(attached|detaching)")) {
      return HookKind.STORAGE;
    }
    if (hookName.matches(".+-pebble-(ready|custom-notice|check-failed|check-recovered)")) {
      return HookKind.WORKLOAD;
    }
    if (hookName.matches("secret-(changed|rotate|remove|expired)")) {
      return HookKind.SECRET;
    }
    return HookKind.UNIT;
  }

  /**
   * The action's name, from {@code JUJU_ACTION_NAME} or a dispatch path {@code actions/<name>}.
   */
  public Optional<String> actionName() {
    Optional<String> named = nonEmpty("JUJU_ACTION_NAME");
    if (named.isPresent()) {
      return named;
    }
    return nonEmpty("JUJU_DISPATCH_PATH").filter(p -> p.startsWith("actions/")).map(p -> hookName);
  }

  /** The relation of a relation hook: {@code JUJU_RELATION_ID} ({@code endpoint:id}) parsed. */
  public Optional<RelationRef> relation() {
    return nonEmpty("JUJU_RELATION_ID")
        .map(id -> RelationRef.parse(id, nonEmpty("JUJU_RELATION").orElse(null)));
  }

  /** {@code JUJU_RELATION}: the endpoint of a relation hook. */
  public Optional<String> relationEndpoint() {
    return nonEmpty("JUJU_RELATION").or(() -> relation().map(RelationRef::endpoint));
  }

  /** {@code JUJU_REMOTE_UNIT}; empty in {@code -relation-created} and {@code -relation-broken}. */
  public Optional<String> remoteUnit() {
    return nonEmpty("JUJU_REMOTE_UNIT");
  }

  /** {@code JUJU_REMOTE_APP}. */
  public Optional<String> remoteApp() {
    return nonEmpty("JUJU_REMOTE_APP");
  }

  /** {@code JUJU_DEPARTING_UNIT}, in {@code -relation-departed}. */
  public Optional<String> departingUnit() {
    return nonEmpty("JUJU_DEPARTING_UNIT");
  }

  /** {@code JUJU_ACTION_UUID}: the action's id. */
  public Optional<String> actionId() {
    return nonEmpty("JUJU_ACTION_UUID");
  }

  /** {@code JUJU_STORAGE_ID}, such as {@code data/0}. */
  public Optional<String> storageId() {
    return nonEmpty("JUJU_STORAGE_ID");
  }

  /** {@code JUJU_WORKLOAD_NAME}: the container of a pebble hook. */
  public Optional<String> workloadName() {
    return nonEmpty("JUJU_WORKLOAD_NAME");
  }

  /** {@code JUJU_SECRET_ID}. */
  public Optional<String> secretId() {
    return nonEmpty("JUJU_SECRET_ID");
  }

  /** The application's name: {@code JUJU_UNIT_NAME} up to the {@code /}. */
  public Optional<String> appName() {
    return unitName().map(u -> u.substring(0, u.indexOf('/') < 0 ? u.length() : u.indexOf('/')));
  }

  /** {@code JUJU_MODEL_NAME}. */
  public Optional<String> modelName() {
    return nonEmpty("JUJU_MODEL_NAME");
  }

  /** {@code JUJU_MODEL_UUID}. */
  public Optional<String> modelUuid() {
    return nonEmpty("JUJU_MODEL_UUID");
  }

  /** {@code JUJU_VERSION}, such as {@code 3.6.4}. */
  public Optional<String> jujuVersion() {
    return nonEmpty("JUJU_VERSION");
  }

  /** {@code JUJU_CONTEXT_ID}, which the hook tools need. */
  public Optional<String> contextId() {
    return nonEmpty("JUJU_CONTEXT_ID");
  }

  /** {@code JUJU_PRINCIPAL_UNIT} of a subordinate; empty for a principal. */
  public Optional<String> principalUnit() {
    return nonEmpty("JUJU_PRINCIPAL_UNIT");
  }

  /** {@code JUJU_MACHINE_ID}; empty on Kubernetes. */
  public Optional<String> machineId() {
    return nonEmpty("JUJU_MACHINE_ID");
  }

  /** {@code JUJU_AVAILABILITY_ZONE}. */
  public Optional<String> availabilityZone() {
    return nonEmpty("JUJU_AVAILABILITY_ZONE");
  }

  /** {@code JUJU_TARGET_BASE} of {@code pre-series-upgrade}. */
  public Optional<String> targetBase() {
    return nonEmpty("JUJU_TARGET_BASE");
  }

  private Optional<String> nonEmpty(String name) {
    return get(name).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "HookEnvironment[hook=" + hookName + "]";
  }
}
