package charms.reactive.maven.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What the packer needs from a charm's YAML files: its name, and every hook and action Juju can
 * run for it. Every file is parsed (safely: plain maps, lists and scalars) and checked, so a YAML
 * error fails the build naming the file instead of failing the deployed charm.
 *
 * @param name the charm's name ({@code metadata.yaml}'s {@code name})
 * @param hooks every hook the charm can receive, in a stable order
 * @param actions the actions of {@code actions.yaml}
 */
public record CharmMetadata(String name, List<String> hooks, List<String> actions) {
  /** Juju's unit hooks of a machine charm. */
  static final List<String> UNIT_HOOKS = List.of("install", "start", "stop", "remove",
      "config-changed", "upgrade-charm", "update-status", "leader-elected",
      "leader-settings-changed", "pre-series-upgrade", "post-series-upgrade", "collect-metrics",
      "meter-status-changed", "secret-changed", "secret-expired", "secret-remove", "secret-rotate");
  static final List<String> RELATION_HOOKS = List.of("created", "joined", "changed", "departed",
      "broken");
  static final List<String> STORAGE_HOOKS = List.of("attaching", "detaching");
  /** Names that become file names: no separators, no dots, nothing a shell could read as more. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  public CharmMetadata {
    hooks = List.copyOf(hooks);
    actions = List.copyOf(actions);
  }

  /**
   * Reads {@code metadata.yaml} (required), {@code config.yaml} and {@code actions.yaml} (both
   * optional) of {@code dir}.
   *
   * @throws CharmPackException naming the file that is missing, malformed or invalid
   */
  public static CharmMetadata read(Path dir) {
    Path metadataFile = dir.resolve("metadata.yaml");
    if (!Files.isRegularFile(metadataFile)) {
      throw new CharmPackException(metadataFile + ": missing; every charm needs a metadata.yaml "
          + "(name, summary, description, relations)");
    }
    Map<?, ?> metadata = map(load(metadataFile), metadataFile, "the file");
    Object nameValue = metadata.get("name");
    if (!(nameValue instanceof String name) || !NAME.matcher(name).matches()) {
      throw new CharmPackException(metadataFile + ": name must be lower-case letters, digits and "
          + "dashes, starting with a letter; got " + nameValue);
    }
    Set<String> hooks = new LinkedHashSet<>(UNIT_HOOKS);
    for (String kind : List.of("provides", "requires", "peers")) {
      for (String endpoint : names(metadata, kind, metadataFile)) {
        for (String suffix : RELATION_HOOKS) {
          hooks.add(endpoint + "-relation-" + suffix);
        }
      }
    }
    for (String storage : names(metadata, "storage", metadataFile)) {
      for (String suffix : STORAGE_HOOKS) {
        hooks.add(storage + "-storage-" + suffix);
      }
    }

    Path configFile = dir.resolve("config.yaml");
    if (Files.exists(configFile)) {
      Object config = load(configFile);
      if (config != null) {
        Object options = map(config, configFile, "the file").get("options");
        if (options != null) {
          map(options, configFile, "options");
        }
      }
    }
    List<String> actions = new ArrayList<>();
    Path actionsFile = dir.resolve("actions.yaml");
    if (Files.exists(actionsFile)) {
      Object loaded = load(actionsFile);
      if (loaded != null) {
        for (Map.Entry<?, ?> e : map(loaded, actionsFile, "the file").entrySet()) {
          String action = String.valueOf(e.getKey());
          if (!NAME.matcher(action).matches()) {
            throw new CharmPackException(actionsFile + ": action name " + action
                + " must be lower-case letters, digits, dashes and underscores");
          }
          if (e.getValue() != null) {
            map(e.getValue(), actionsFile, "action " + action);
          }
          actions.add(action);
        }
      }
    }
    return new CharmMetadata(name, new ArrayList<>(hooks), actions);
  }

  private static List<String> names(Map<?, ?> metadata, String key, Path file) {
    Object section = metadata.get(key);
    if (section == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (Object k : map(section, file, key).keySet()) {
      String name = String.valueOf(k);
      if (!NAME.matcher(name).matches()) {
        throw new CharmPackException(file + ": " + key + " name " + name
            + " must be lower-case letters, digits, dashes and underscores");
      }
      names.add(name);
    }
    return names;
  }

  private static Map<?, ?> map(Object value, Path file, String what) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new CharmPackException(file + ": " + what + " must be a YAML mapping, got "
          + (value == null ? "nothing" : value.getClass().getSimpleName()));
    }
    return m;
  }

  private static Object load(Path file) {
    try {
      String text = Files.readString(file);
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new CharmPackException(file + ": not valid YAML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CharmPackException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
