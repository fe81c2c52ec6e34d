package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;

/**
 * {@code action-fail ["<message>"]}: marks the action failed (the hook goes on; results are
 * kept).
 */
public final class ActionFailTool extends Tool {
  static final String DEFAULT_MESSAGE =
      "action failed without reason given, check action for errors";

  @Override
  public String name() {
    return "action-fail";
  }

  @Override
  protected String synopsis() {
    return "[\"<failure message>\"]";
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    String message = DEFAULT_MESSAGE;
    if (!parsed.args().isEmpty()) {
      message = parsed.args().get(0);
      checkEmpty(parsed.args().subList(1, parsed.args().size()));
    }
    requireAction(context);
    context.failAction(message);
  }
}
