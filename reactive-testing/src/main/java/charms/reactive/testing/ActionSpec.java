package charms.reactive.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One action of a charm's {@code actions.yaml}: its parameters (a JSON-schema subset: each
 * parameter's {@code type} and {@code default}), the required ones, and whether parameters not
 * declared are allowed. Immutable.
 *
 * @param name the action's name
 * @param params parameter name to its schema (as parsed from YAML)
 * @param required the parameters that must be given
 * @param additionalProperties whether undeclared parameters are accepted (Juju's default: true)
 */
public record ActionSpec(String name, Map<String, Map<String, Object>> params,
    List<String> required, boolean additionalProperties) {

  public ActionSpec {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    params = Collections.unmodifiableMap(copy);
    required = List.copyOf(required);
  }

  /** The declared default of each parameter that has one. */
  public Map<String, Object> defaults() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    params.forEach((k, schema) -> {
      if (schema.containsKey("default")) {
        defaults.put(k, schema.get("default"));
      }
    });
    return defaults;
  }
}
