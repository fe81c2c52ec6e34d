package charms.reactive.testing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A tool's {@code --format} and {@code -o/--output} options and Juju's formatters
 * ({@code internal/cmd/output.go}):
 * <ul>
 *   <li>smart: a string as it is, a list of strings one per line, a boolean as {@code True} or
 *       {@code False}, null or an empty string (or list) prints nothing, anything else as YAML;
 *   <li>yaml: null prints nothing;
 *   <li>json: compact, null prints {@code null}.
 * </ul>
 * Every non-empty output ends in a newline.
 */
public final class Output {
  private final String format;
  private final String path;

  private Output(String format, String path) {
    this.format = format;
    this.path = path;
  }

  /** Adds {@code --format} (with the default) and {@code -o/--output} to a tool's options. */
  public static void addFlags(FlagSet flags, String defaultFormat, Set<String> formats) {
    flags.value("format", text -> {
      if (!formats.contains(text)) {
        throw new FlagSet.InvalidValue("unknown format " + GoText.quote(text));
      }
      return text;
    }, "format").defaultValue("format", defaultFormat)
        .string("output", "o", "output");
  }

  /** Adds the usual three formats with {@code smart} as the default. */
  public static void addFlags(FlagSet flags) {
    addFlags(flags, "smart", Set.of("smart", "yaml", "json"));
  }

  public static Output from(FlagSet.Parsed parsed) {
    String out = parsed.string("output");
    return new Output(parsed.string("format"), out == null || out.isEmpty() ? null : out);
  }

  /** The chosen format's name. */
  public String format() {
    return format;
  }

  /** Formats {@code value}. */
  public String render(Object value) {
    return switch (format) {
      case "json" -> GoJson.write(value) + "\n";
      case "yaml" -> GoYaml.write(value);
      default -> smart(value);
    };
  }

  private static String smart(Object value) {
    String text;
    if (value == null) {
      return "";
    } else if (value instanceof String s) {
      text = s;
    } else if (value instanceof Boolean b) {
      text = b ? "True" : "False";
    } else if (value instanceof List<?> list && list.stream().allMatch(e -> e instanceof String)) {
      text = String.join("\n", list.stream().map(String.class::cast).toList());
    } else {
      return GoYaml.write(value);
    }
    return text.isEmpty() ? "" : text + "\n";
  }

  /**
   * Writes the formatted value to standard output, or to the {@code --output} file (relative to
   * {@code workingDir}).
   *
   * @throws ToolError (exit 1) if the output file cannot be written
   */
  public void write(ToolIo io, Object value) throws ToolError {
    String text = render(value);
    if (path == null) {
      io.out(text);
      return;
    }
    Path target = io.workingDir().resolve(path);
    try {
      Files.writeString(target, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ToolError.run("open " + path + ": " + e.getMessage());
    }
  }
}
