package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.List;

/**
 * {@code state-get [--format F] [--strict] [<key>|-]}: the charm state (with this hook's own
 * {@code state-set}/{@code state-delete}) or one value. An empty state prints {@code null} in
 * JSON (juju/juju#22523, which ops works around) and {@code {}} in YAML; a missing key prints an
 * empty string, or fails with {@code --strict}.
 */
public final class StateGetTool extends Tool {

  @Override
  public String name() {
    return "state-get";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>] [--strict] [<key>]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
    flags.bool("strict", "strict");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    List<String> args = parsed.args();
    String key = "";
    if (!args.isEmpty()) {
      key = args.get(0).equals("-") ? "" : args.get(0);
      checkEmpty(args.subList(1, args.size()));
    }
    Output out = Output.from(parsed);
    if (key.isEmpty()) {
      boolean empty = context.charmState().isEmpty();
      out.write(io, empty && out.format().equals("json") ? null : context.charmState());
      return;
    }
    String value = context.charmState().get(key);
    if (value == null && parsed.bool("strict")) {
      throw ToolError.run(GoText.quote(key) + " not found");
    }
    out.write(io, value == null ? "" : value);
  }
}
