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

  @Override
  public String toString() {
    return "HookEnvironment[hook=" + hookName + "]";
  }
}
