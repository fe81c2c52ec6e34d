package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.Locale;
import java.util.Map;

/**
 * {@code juju-log [--debug] [-l|--log-level LEVEL] <message ...>}: the arguments joined with
 * spaces; relation hooks prefix {@code <endpoint>:<id>: }; an invalid level logs a warning and
 * falls back to INFO. Immediate.
 */
public final class JujuLogTool extends Tool {
  private static final Map<String, String> LEVELS = Map.of("TRACE", "TRACE", "DEBUG", "DEBUG",
      "INFO", "INFO", "WARN", "WARNING", "WARNING", "WARNING", "ERROR", "ERROR",
      "CRITICAL", "CRITICAL");

  @Override
  public String name() {
    return "juju-log";
  }

  @Override
  protected String synopsis() {
    return "[--debug] [-l <level>] <message>";
  }

  @Override
  protected boolean worksInRestrictedContext() {
    return true;
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    flags.bool("debug", "debug").string("level", "l", "log-level").defaultValue("level", "INFO")
        .string("format", "format");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    if (parsed.args().isEmpty()) {
      throw ToolError.usage("no message specified");
    }
    String message = String.join(" ", parsed.args());
    warnDeprecatedFormat(parsed, io);
    String level = "INFO";
    if (parsed.bool("debug")) {
      level = "DEBUG";
    } else {
      String asked = parsed.string("level");
      String known = LEVELS.get(asked.trim().toUpperCase(Locale.ROOT));
      if (known == null) {
        context.log("WARNING", "Specified log level of " + GoText.quote(asked) + " is not valid");
      } else {
        level = known;
      }
    }
    String prefix = context.hookRelation().map(r -> r.ref() + ": ").orElse("");
    context.log(level, prefix + message);
  }
}
