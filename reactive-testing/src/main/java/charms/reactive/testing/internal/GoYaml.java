package charms.reactive.testing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML close to what go-yaml v2 writes: block style, map keys sorted ({@link GoStruct} keys in
 * their order), sequences not indented
 * under their key, strings that would read back as another type double-quoted, multi-line
 * strings as literal blocks, whole floats without {@code .0}. Quoting of strings that merely
 * contain special characters may differ from go-yaml (single quotes here), which changes nothing
 * for a YAML reader.
 */
public final class GoYaml {
  /** The timestamp layouts go-yaml v2 resolves (narrower than YAML 1.1's). */
  private static final Pattern GO_TIMESTAMP = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}"
      + "(?:[Tt]\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})"
      + "| \\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d+)?)?");
  private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(GoYaml::create);

  private GoYaml() {
  }

  private static Yaml create() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    return new Yaml(new SafeConstructor(new LoaderOptions()), new GoRepresenter(options), options,
        new LoaderOptions(), new GoResolver());
  }

  /** The document, ending in exactly one newline; empty for null. */
  public static String write(Object value) {
    if (value == null) {
      return "";
    }
    String text = YAML.get().dump(sorted(value));
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
    }
    return end == 0 ? "" : text.substring(0, end) + "\n";
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      (map instanceof GoStruct ? map : new TreeMap<>(map))
          .forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(GoYaml::sorted).toList();
    }
    if ((value instanceof Double || value instanceof Float)) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return (long) d;
      }
    }
    return value;
  }

  /** YAML 1.1 resolution without timestamps, which go-yaml v2 resolves far more narrowly. */
  private static final class GoResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
      addImplicitResolver(Tag.YAML, YAML, "!&*");
    }
  }

  private static final class GoRepresenter extends Representer {
    private final Resolver resolver = new GoResolver();

    GoRepresenter(DumperOptions options) {
      super(options);
      this.representers.put(String.class, new RepresentString());
    }

    private final class RepresentString implements Represent {
      @Override
      public Node representData(Object data) {
        String s = (String) data;
        DumperOptions.ScalarStyle style = DumperOptions.ScalarStyle.PLAIN;
        if (s.contains("\n")) {
          style = DumperOptions.ScalarStyle.LITERAL;
        } else if (s.isEmpty() || readsAsAnotherType(s)) {
          style = DumperOptions.ScalarStyle.DOUBLE_QUOTED;
        }
        return representScalar(Tag.STR, s, style);
      }
    }

    /** Whether go-yaml v2 would read the plain scalar as something other than a string. */
    private boolean readsAsAnotherType(String s) {
      return GO_TIMESTAMP.matcher(s).matches()
          || !resolver.resolve(NodeId.scalar, s, true).equals(Tag.STR);
    }
  }
}
