package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code config-get [--format F] [-a|--all] [<key>]}: all options set or with a default (with
 * {@code --all} also the unset ones as null), or one value; an unknown key prints null.
 */
public final class ConfigGetTool extends Tool {

  @Override
  public String name() {
    return "config-get";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>] [-a] [<key>]";
  }

  @Override
  protected boolean worksInRestrictedContext() {
    return true;
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
    flags.bool("all", "a", "all");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    List<String> args = parsed.args();
    String key = "";
    if (!args.isEmpty()) {
      key = args.get(0);
      if (!key.isEmpty() && parsed.bool("all")) {
        throw ToolError.usage("cannot use argument --all together with key " + GoText.quote(key));
      }
      checkEmpty(args.subList(1, args.size()));
    }
    Object value;
    if (key.isEmpty()) {
      TreeMap<String, Object> all = new TreeMap<>(context.config());
      if (!parsed.bool("all")) {
        all.values().removeIf(v -> v == null);
      }
      value = all;
    } else {
      value = context.config().get(key);
    }
    Output.from(parsed).write(io, value);
  }
}
