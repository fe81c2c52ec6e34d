package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;

/** {@code action-log <message ...>}: a progress message, the arguments joined. Immediate. */
public final class ActionLogTool extends Tool {

  @Override
  public String name() {
    return "action-log";
  }

  @Override
  protected String synopsis() {
    return "<message>";
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    if (parsed.args().isEmpty()) {
      throw ToolError.usage("no message specified");
    }
    requireAction(context);
    context.logAction(String.join(" ", parsed.args()));
  }
}
