package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;

/**
 * {@code unit-get [--format F] private-address|public-address}: the default binding's address
 * (private) or its preferred ingress address (public).
 */
public final class UnitGetTool extends Tool {

  @Override
  public String name() {
    return "unit-get";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>] <setting>";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    if (parsed.args().isEmpty()) {
      throw ToolError.usage("no setting specified");
    }
    String key = parsed.args().get(0);
    if (!key.equals("private-address") && !key.equals("public-address")) {
      throw ToolError.usage("unknown setting " + GoText.quote(key));
    }
    checkEmpty(parsed.args().subList(1, parsed.args().size()));
    var network = context.input().defaultNetwork();
    Output.from(parsed).write(io, key.equals("private-address") ? network.address()
        : network.ingressAddress());
  }
}
