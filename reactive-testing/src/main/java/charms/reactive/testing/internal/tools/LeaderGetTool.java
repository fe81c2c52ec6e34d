package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.List;

/**
 * {@code leader-get [--format F] [<key>|-]}: all leader settings or one value (null if absent);
 * any unit may read; follows this hook's own {@code leader-set}.
 */
public final class LeaderGetTool extends Tool {

  @Override
  public String name() {
    return "leader-get";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>] [<key>]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    List<String> args = parsed.args();
    String key = "";
    if (!args.isEmpty()) {
      key = args.get(0);
      if (key.equals("-")) {
        key = "";
      } else if (key.contains("=")) {
        throw ToolError.usage("invalid key " + GoText.quote(key));
      }
      checkEmpty(args.subList(1, args.size()));
    }
    Output.from(parsed).write(io, key.isEmpty() ? context.leaderSettings()
        : context.leaderSettings().get(key));
  }
}
