package charms.reactive.testing;

import charms.reactive.CharmMetadata;
import charms.reactive.juju.ConfigOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What the harness knows about a charm from its directory: {@code metadata.yaml} (relations,
 * storage, extra bindings), {@code config.yaml} (options with types and defaults) and the optional
 * {@code actions.yaml}. Immutable.
 *
 * @param directory the charm directory (the hook's working directory and {@code CHARM_DIR})
 * @param metadata the relations by role, as the framework reads them
 * @param config the config options
 * @param actions action name to its declaration, in file order
 * @param storage storage name to its type ({@code filesystem} or {@code block})
 * @param extraBindings the {@code extra-bindings} names
 */
public record CharmSpec(Path directory, CharmMetadata metadata, ConfigOptions config,
    Map<String, ActionSpec> actions, Map<String, String> storage, Set<String> extraBindings) {

  public CharmSpec {
    directory = directory.toAbsolutePath().normalize();
    actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    storage = Collections.unmodifiableMap(new LinkedHashMap<>(storage));
    extraBindings = Collections.unmodifiableSet(new LinkedHashSet<>(extraBindings));
  }

  /**
   * Reads a charm directory.
   *
   * @throws HarnessException naming the file (and line) if {@code metadata.yaml} is missing or a
   *     file is malformed
   */
  public static CharmSpec load(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new HarnessException("charm directory " + dir + " does not exist");
    }
    try {
      CharmMetadata metadata = CharmMetadata.read(dir.resolve("metadata.yaml"));
      ConfigOptions config = ConfigOptions.read(dir.resolve("config.yaml"));
      Path metadataFile = dir.resolve("metadata.yaml");
      Map<?, ?> rawMetadata = mapping(loadYaml(metadataFile), metadataFile);
      Map<String, String> storage = new LinkedHashMap<>();
      mapping(rawMetadata.get("storage"), dir.resolve("metadata.yaml")).forEach((name, spec) -> {
        Object type = spec instanceof Map<?, ?> m ? m.get("type") : null;
        storage.put(String.valueOf(name), type == null ? "filesystem" : String.valueOf(type));
      });
      Set<String> extra = new LinkedHashSet<>();
      mapping(rawMetadata.get("extra-bindings"), dir.resolve("metadata.yaml"))
          .keySet().forEach(k -> extra.add(String.valueOf(k)));
      return new CharmSpec(dir, metadata, config, readActions(dir.resolve("actions.yaml")),
          storage, extra);
    } catch (charms.reactive.ReactiveException e) {
      throw new HarnessException(e.getMessage(), e);
    }
  }

  private static Object loadYaml(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (NoSuchFileException e) {
      return null;
    } catch (MarkedYAMLException e) {
      throw new HarnessException("malformed " + file + " at line "
          + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
    } catch (YAMLException | IOException e) {
      throw new HarnessException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<?, ?> mapping(Object node, Path file) {
    if (node == null) {
      return Map.of();
    }
    if (!(node instanceof Map<?, ?> map)) {
      throw new HarnessException("malformed " + file + ": expected a mapping, found " + node);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ActionSpec> readActions(Path file) {
    Map<String, ActionSpec> actions = new LinkedHashMap<>();
    mapping(loadYaml(file), file).forEach((name, spec) -> {
      String action = String.valueOf(name);
      Map<?, ?> body = mapping(spec, file);
      Map<String, Map<String, Object>> params = new LinkedHashMap<>();
      mapping(body.get("params"), file).forEach((param, schema) -> {
        Map<String, Object> s = new LinkedHashMap<>();
        mapping(schema, file).forEach((k, v) -> s.put(String.valueOf(k), v));
        params.put(String.valueOf(param), s);
      });
      List<String> required = new ArrayList<>();
      if (body.get("required") instanceof List<?> list) {
        list.forEach(r -> required.add(String.valueOf(r)));
      }
      Object additional = body.get("additionalProperties");
      actions.put(action, new ActionSpec(action, params, required,
          !(additional instanceof Boolean b) || b));
    });
    return actions;
  }

  /** The charm's name from {@code metadata.yaml}. */
  public String name() {
    return metadata.name();
  }

  /** Whether an endpoint is declared under {@code peers}. */
  public boolean isPeer(String endpoint) {
    return metadata.roleOf(endpoint).filter("peers"::equals).isPresent();
  }

  /** The interface of a declared endpoint. */
  public Optional<String> interfaceOf(String endpoint) {
    return metadata.roleOf(endpoint).map(role -> metadata.relations().get(role).get(endpoint));
  }

  /** Every declared endpoint, in file order (provides, requires, peers). */
  public List<String> endpoints() {
    List<String> all = new ArrayList<>();
    CharmMetadata.ROLES.forEach(role -> all.addAll(metadata.relations().getOrDefault(role,
        Map.of()).keySet()));
    return all;
  }

  /** The names {@code network-get} accepts: every endpoint and extra binding. */
  public Set<String> bindings() {
    Set<String> names = new LinkedHashSet<>(endpoints());
    names.addAll(extraBindings);
    return names;
  }
}
