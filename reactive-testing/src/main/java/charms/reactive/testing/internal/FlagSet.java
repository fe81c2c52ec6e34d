package charms.reactive.testing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hook tool's options, parsed exactly as {@code juju/gnuflag} parses them with interspersed
 * arguments allowed (Juju's {@code cmd.Main}):
 * <ul>
 *   <li>{@code --name value} and {@code --name=value}; a long name may be one letter;
 *   <li>{@code -x value} and {@code -xvalue}; for a short option {@code =} is not a separator, so
 *       {@code -r=7} gives the value {@code =7};
 *   <li>short booleans can be clustered ({@code -ab}); a boolean takes a value only after
 *       {@code =} and accepts Go's {@code ParseBool} spellings;
 *   <li>options may follow positional arguments; {@code --} ends the options; {@code -} alone is
 *       positional;
 *   <li>{@code -h}/{@code --help}, when not defined, ask for help.
 * </ul>
 * Errors use Juju's wording with "option" ({@code jujucmd.Info} sets {@code FlagKnownAs}). Not
 * thread-safe; one instance per tool call.
 */
public final class FlagSet {

  /** Converts an option's text to its value, or throws with the reason. */
  @FunctionalInterface
  public interface ValueParser {
    Object parse(String text) throws InvalidValue;
  }

  /** An option's value is not acceptable; the message is the reason Juju gives. */
  public static final class InvalidValue extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidValue(String reason) {
      super(reason, null, false, false);
    }
  }

  /** {@code -h} or {@code --help} was given. */
  public static final class HelpRequested extends Exception {
    private static final long serialVersionUID = 1L;

    HelpRequested() {
      super("help requested", null, false, false);
    }
  }

  private record Definition(String key, boolean bool, ValueParser parser) {
  }

  private final Map<String, Definition> byName = new HashMap<>();
  private final Map<String, Object> values = new HashMap<>();

  /** A boolean option known by any of {@code names}, stored under {@code key}. */
  public FlagSet bool(String key, String... names) {
    return define(new Definition(key, true, FlagSet::parseBool), names);
  }

  /** A string option. */
  public FlagSet string(String key, String... names) {
    return define(new Definition(key, false, text -> text), names);
  }

  /** An option whose text is converted (and validated) by {@code parser} as it is parsed. */
  public FlagSet value(String key, ValueParser parser, String... names) {
    return define(new Definition(key, false, parser), names);
  }

  private FlagSet define(Definition d, String... names) {
    for (String name : names) {
      byName.put(name, d);
    }
    return this;
  }

  /** Sets a default value, returned when the option is not given. */
  public FlagSet defaultValue(String key, Object value) {
    values.put(key, value);
    return this;
  }

  /**
   * Parses the arguments.
   *
   * @throws ToolError exit 2 for an unknown option, a missing or invalid value
   * @throws HelpRequested for {@code -h}/{@code --help}
   */
  public Parsed parse(List<String> args) throws ToolError, HelpRequested {
    List<String> positional = new ArrayList<>();
    int i = 0;
    while (i < args.size()) {
      String a = args.get(i++);
      if (a.equals("-") || a.isEmpty() || a.charAt(0) != '-') {
        positional.add(a);
        continue;
      }
      if (a.equals("--")) {
        positional.addAll(args.subList(i, args.size()));
        break;
      }
      if (a.charAt(1) == '-') {
        int eq = a.indexOf('=');
        String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
        if (eq >= 0 && name.isEmpty()) {
          throw ToolError.usage("empty flag in argument " + GoText.quote(a));
        }
        String inline = eq < 0 ? null : a.substring(eq + 1);
        i = apply(name, inline, args, i);
        continue;
      }
      // A cluster of single-rune options; a valued one takes the rest of the cluster.
      String rest = a.substring(1);
      while (!rest.isEmpty()) {
        int n = Character.charCount(rest.codePointAt(0));
        String name = rest.substring(0, n);
        rest = rest.substring(n);
        Definition d = lookup(name);
        if (d.bool && !rest.startsWith("=")) {
          values.put(d.key, Boolean.TRUE);
          continue;
        }
        if (!rest.isEmpty()) {
          set(d, name, rest);
          rest = "";
        } else {
          i = apply(name, null, args, i);
        }
      }
    }
    return new Parsed(new HashMap<>(values), List.copyOf(positional));
  }

  private int apply(String name, String inline, List<String> args, int next)
      throws ToolError, HelpRequested {
    Definition d = lookup(name);
    if (d.bool && inline == null) {
      values.put(d.key, Boolean.TRUE);
      return next;
    }
    String text = inline;
    if (text == null) {
      if (next >= args.size()) {
        throw ToolError.usage("option needs an argument: " + withMinus(name));
      }
      text = args.get(next++);
    }
    set(d, name, text);
    return next;
  }

  private Definition lookup(String name) throws ToolError, HelpRequested {
    Definition d = byName.get(name);
    if (d == null) {
      if (name.equals("help") || name.equals("h")) {
        throw new HelpRequested();
      }
      throw ToolError.usage("option provided but not defined: " + withMinus(name));
    }
    return d;
  }

  private void set(Definition d, String name, String text) throws ToolError {
    try {
      values.put(d.key, d.parser.parse(text));
    } catch (InvalidValue e) {
      throw ToolError.usage("invalid value " + GoText.quote(text) + " for option "
          + withMinus(name) + ": " + e.getMessage());
    }
  }

  private static String withMinus(String name) {
    return name.codePointCount(0, name.length()) > 1 ? "--" + name : "-" + name;
  }

  /** Go's {@code strconv.ParseBool}. */
  static Object parseBool(String text) throws InvalidValue {
    switch (text) {
      case "1", "t", "T", "TRUE", "true", "True":
        return Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False":
        return Boolean.FALSE;
      default:
        throw new InvalidValue("strconv.ParseBool: parsing " + GoText.quote(text)
            + ": invalid syntax");
    }
  }

  /** The parsed options (by key) and the positional arguments. */
  public record Parsed(Map<String, Object> values, List<String> args) {

    public boolean bool(String key) {
      return Boolean.TRUE.equals(values.get(key));
    }

    /** A string option's value, or null if neither given nor defaulted. */
    public String string(String key) {
      Object v = values.get(key);
      return v == null ? null : v.toString();
    }

    public Object value(String key) {
      return values.get(key);
    }

    public boolean has(String key) {
      return values.containsKey(key);
    }
  }
}
