package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.RelationContext;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;

/**
 * {@code relation-list [--format F] [-r id] [--app]}: the remote units in scope (never null; the
 * unit departing in this hook is already gone), or with {@code --app} the remote application.
 */
public final class RelationListTool extends Tool {

  @Override
  public String name() {
    return "relation-list";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>] [-r <id>] [--app]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
    RelationOption.define(flags, context);
    flags.bool("app", "app");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    RelationContext relation = RelationOption.require(parsed);
    checkEmpty(parsed.args());
    Output out = Output.from(parsed);
    if (parsed.bool("app")) {
      out.write(io, relation.remoteApp());
    } else {
      out.write(io, relation.unitNames());
    }
  }
}
