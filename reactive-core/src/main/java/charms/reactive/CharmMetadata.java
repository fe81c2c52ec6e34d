package charms.reactive;

import charms.reactive.internal.YamlFiles;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a charm's {@code metadata.yaml} the framework uses: the charm's name and its
 * relations by role ({@code provides}, {@code requires}, {@code peers}), in file order.
 *
 * @param name the charm's name
 * @param relations role to (relation name to interface), in file order
 */
public record CharmMetadata(String name, Map<String, Map<String, String>> relations) {

  public static final List<String> ROLES = List.of("provides", "requires", "peers");

  public CharmMetadata {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    relations.forEach((role, byName) -> copy.put(role, java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(byName))));
    relations = java.util.Collections.unmodifiableMap(copy);
  }

  /** The relation names of {@code role} whose interface is {@code interfaceName}, in file order. */
  public List<String> relationNames(String role, String interfaceName) {
    List<String> names = new ArrayList<>();
    relations.getOrDefault(role, Map.of()).forEach((name, iface) -> {
      if (iface.equals(interfaceName)) {
        names.add(name);
      }
    });
    return names;
  }

  /** The role ({@code provides}, {@code requires}, {@code peers}) of a relation name, if declared. */
  public java.util.Optional<String> roleOf(String relationName) {
    for (String role : ROLES) {
      if (relations.getOrDefault(role, Map.of()).containsKey(relationName)) {
        return java.util.Optional.of(role);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Reads {@code metadata.yaml}.
   *
   * @throws ReactiveException naming the file (and the line, for a syntax error) if it is missing
   *     or malformed
   */
  public static CharmMetadata read(Path file) {
    Object root;
    try {
      root = YamlFiles.load(file);
    } catch (NoSuchFileException e) {
      throw new ReactiveException("charm metadata not found: " + file);
    }
    return fromYaml(root, file);
  }

  private static CharmMetadata fromYaml(Object root, Path file) {
    if (!(root instanceof Map<?, ?> top)) {
      throw new ReactiveException("malformed " + file + ": the top level must be a mapping");
    }
    Object name = top.get("name");
    Map<String, Map<String, String>> relations = new LinkedHashMap<>();
    for (String role : ROLES) {
      Object section = top.get(role);
      Map<String, String> byName = new LinkedHashMap<>();
      if (section instanceof Map<?, ?> entries) {
        entries.forEach((relation, spec) -> {
          Object iface = spec instanceof Map<?, ?> m ? m.get("interface") : null;
          if (iface == null) {
            throw new ReactiveException("malformed " + file + ": relation '" + relation
                + "' under " + role + " has no interface");
          }
          byName.put(String.valueOf(relation), String.valueOf(iface));
        });
      } else if (section != null) {
        throw new ReactiveException("malformed " + file + ": '" + role + "' must be a mapping");
      }
      relations.put(role, byName);
    }
    return new CharmMetadata(name == null ? null : String.valueOf(name), relations);
  }
}
