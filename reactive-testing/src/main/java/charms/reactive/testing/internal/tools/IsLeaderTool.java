package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;

/**
 * {@code is-leader [--format F]}: smart {@code True}/{@code False}, json {@code true} or
 * {@code false}.
 */
public final class IsLeaderTool extends Tool {

  @Override
  public String name() {
    return "is-leader";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    checkEmpty(parsed.args());
    Output.from(parsed).write(io, context.isLeader());
  }
}
