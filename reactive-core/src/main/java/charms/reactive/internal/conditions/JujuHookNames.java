package charms.reactive.internal.conditions;

import charms.reactive.CharmMetadata;
import charms.reactive.ReactiveException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The hooks Juju can run for one charm, from its {@code metadata.yaml} (relations, storage,
 * containers) and {@code actions.yaml} beside it, and the check that every {@code @hook} pattern
 * of a charm can match one of them: a misspelt hook ({@code "instal"}, {@code "db-relation-joind"},
 * a relation the charm does not declare) would otherwise never run, silently.
 *
 * @param metadata the charm's relations, for expanding {@code {role:interface}} groups
 * @param hooks every hook name Juju can run for the charm (and its action names)
 */
public record JujuHookNames(CharmMetadata metadata, Set<String> hooks) {
  /** The hooks every charm has. */
  public static final List<String> CHARM_HOOKS = List.of("install", "start", "stop", "remove",
      "upgrade-charm", "config-changed", "update-status", "leader-elected",
      "leader-settings-changed", "leader-deposed", "collect-metrics", "meter-status-changed",
      "pre-series-upgrade", "post-series-upgrade", "secret-changed", "secret-expired",
      "secret-remove", "secret-rotate");
  static final List<String> RELATION_HOOKS = List.of("-relation-created", "-relation-joined",
      "-relation-changed", "-relation-departed", "-relation-broken");
  static final List<String> STORAGE_HOOKS = List.of("-storage-attached", "-storage-detaching");
  static final List<String> CONTAINER_HOOKS = List.of("-pebble-ready", "-pebble-custom-notice",
      "-pebble-check-failed", "-pebble-check-recovered");

  /**
   * The hooks of the charm whose {@code metadata.yaml} this is; empty if there is no such file
   * (nothing can be checked then).
   *
   * @throws ReactiveException naming the file if it cannot be read as YAML
   */
  public static Optional<JujuHookNames> read(Path metadataYaml) {
    Map<?, ?> top = load(metadataYaml);
    if (top == null) {
      return Optional.empty();
    }
    Map<String, Map<String, String>> relations = new LinkedHashMap<>();
    Set<String> hooks = new LinkedHashSet<>(CHARM_HOOKS);
    for (String role : CharmMetadata.ROLES) {
      Map<String, String> byName = new LinkedHashMap<>();
      if (top.get(role) instanceof Map<?, ?> section) {
        section.forEach((name, spec) -> {
          Object iface = spec instanceof Map<?, ?> m ? m.get("interface") : null;
          byName.put(String.valueOf(name), String.valueOf(iface));
          RELATION_HOOKS.forEach(suffix -> hooks.add(name + suffix));
        });
      }
      relations.put(role, byName);
    }
    names(top.get("storage")).forEach(s -> STORAGE_HOOKS.forEach(suffix -> hooks.add(s + suffix)));
    names(top.get("containers")).forEach(c -> CONTAINER_HOOKS.forEach(suffix -> hooks.add(c + suffix)));
    Path actions = metadataYaml.resolveSibling("actions.yaml");
    Map<?, ?> declaredActions = load(actions);
    if (declaredActions != null) {
      hooks.addAll(names(declaredActions));
    }
    Object name = top.get("name");
    return Optional.of(new JujuHookNames(new CharmMetadata(name == null ? null : String.valueOf(name),
        relations), Set.copyOf(hooks)));
  }

  /**
   * A problem with one pattern, or empty if it can match a hook of this charm.
   *
   * @return a message naming the pattern and, where one is close, the hook probably meant
   */
  public Optional<String> problem(String pattern) {
    Set<String> expanded = HookPatterns.expand(pattern, metadata);
    for (String hook : expanded) {
      if (hooks.contains(hook)) {
        return Optional.empty();
      }
    }
    StringBuilder message = new StringBuilder("hook pattern '").append(pattern)
        .append("' can match no hook of charm ").append(metadata.name() == null ? "" : metadata.name() + " ")
        .append("(given its metadata.yaml and Juju's hook names)");
    if (expanded.isEmpty()) {
      message.append(": it names a relation role and interface the charm does not declare");
    } else {
      List<String> meant = new ArrayList<>();
      for (String hook : expanded) {
        closest(hook).ifPresent(meant::add);
      }
      if (!meant.isEmpty()) {
        message.append("; did you mean ").append(String.join(", ", meant)).append('?');
      }
    }
    return Optional.of(message.toString());
  }

  private Optional<String> closest(String hook) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : hooks) {
      int d = distance(hook, candidate);
      if (d < bestDistance || d == bestDistance && candidate.compareTo(best) < 0) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, hook.length() / 4) ? Optional.of(best)
        : Optional.empty();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static List<String> names(Object section) {
    List<String> names = new ArrayList<>();
    if (section instanceof Map<?, ?> map) {
      map.keySet().forEach(k -> names.add(String.valueOf(k)));
    }
    return names;
  }

  private static Map<?, ?> load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return root instanceof Map<?, ?> map ? map : Map.of();
    } catch (NoSuchFileException e) {
      return null;
    } catch (YAMLException | IOException e) {
      throw new ReactiveException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
