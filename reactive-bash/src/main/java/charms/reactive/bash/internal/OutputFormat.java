package charms.reactive.bash.internal;

import charms.reactive.spi.PythonJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The original CLI's output formats ({@code --format raw|json|py|yaml|csv|tab}). Values are
 * strings, booleans, null, lists of strings and maps of flag to JSON value. {@code raw} prints
 * lists one item per line and anything else as Python's {@code str()} would, without a trailing
 * newline; {@code json} prints what Python's {@code json.dump} prints, byte for byte (object keys
 * sorted, as every map here already is). A test command or a command without output renders the
 * empty string, as the original did: nothing in {@code raw}, {@code csv} and {@code tab},
 * {@code ""} in {@code json}, {@code ''} and a newline in {@code py} and {@code yaml}.
 */
enum OutputFormat {
  RAW, JSON, PY, YAML, CSV, TAB;

  static OutputFormat parse(String name) {
    for (OutputFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("argument --format: invalid choice: '" + name
        + "' (choose from 'raw', 'json', 'py', 'yaml', 'csv', 'tab')");
  }

  String render(Object value) {
    switch (this) {
      case JSON:
        // json.dump: ", " and ": " separators, ASCII escapes, no newline after the value
        return PythonJson.dumps(value);
      case YAML:
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(plain(value));
      case PY:
        return repr(value) + "\n";
      case CSV:
      case TAB:
        if ("".equals(value)) {
          return "";
        }
        String sep = this == CSV ? "," : "\t";
        if (value instanceof Map<?, ?> map) {
          StringBuilder out = new StringBuilder();
          map.forEach((k, v) -> out.append(k).append(sep).append(str(v)).append('\n'));
          return out.toString();
        }
        return value instanceof Collection<?> c ? String.join("\n", c.stream().map(OutputFormat::str).toList()) + "\n"
            : str(value) + "\n";
      default:
        if (value instanceof Collection<?> c) {
          return String.join("\n", c.stream().map(OutputFormat::str).toList());
        }
        return str(value);
    }
  }

  /** Python's {@code str()}. */
  static String str(Object value) {
    if (value instanceof String s) {
      return s;
    }
    return repr(value);
  }

  /** Python's {@code repr()} of the values the commands return. */
  static String repr(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }
    if (value instanceof JsonNode node) {
      return repr(plain(node));
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        out.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
        if (it.hasNext()) {
          out.append(", ");
        }
      }
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      return "[" + String.join(", ", list.stream().map(OutputFormat::repr).toList()) + "]";
    }
    return String.valueOf(value);
  }

  /** Plain Java values (maps, lists, strings, numbers) from JSON nodes, for YAML and repr. */
  static Object plain(Object value) {
    if (value instanceof JsonNode node) {
      return Plain.MAPPER.convertValue(node, Object.class);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, plain(v)));
      return out;
    }
    return value;
  }

  /** A mapper only for converting nodes to plain values, made on first use (off the hook path). */
  private static final class Plain {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
