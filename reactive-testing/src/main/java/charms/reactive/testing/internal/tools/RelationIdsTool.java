package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.RelationContext;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.List;

/**
 * {@code relation-ids [--format F] [<endpoint>]}: the endpoint's relations as
 * {@code endpoint:id}, by id, without the relation being broken in this hook.
 */
public final class RelationIdsTool extends Tool {

  @Override
  public String name() {
    return "relation-ids";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>] [<endpoint>]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    List<String> args = parsed.args();
    String endpoint;
    if (!args.isEmpty()) {
      endpoint = args.get(0);
      checkEmpty(args.subList(1, args.size()));
    } else {
      endpoint = context.hookRelation().map(RelationContext::endpoint).orElse("");
      if (endpoint.isEmpty()) {
        throw ToolError.usage("no endpoint name specified");
      }
    }
    Output.from(parsed).write(io, context.relationIds(endpoint));
  }
}
