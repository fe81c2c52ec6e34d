package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;

/** {@code state-delete <key>}: deletes a charm state key (no key: nothing). Buffered. */
public final class StateDeleteTool extends Tool {

  @Override
  public String name() {
    return "state-delete";
  }

  @Override
  protected String synopsis() {
    return "<key>";
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    if (parsed.args().isEmpty()) {
      return;
    }
    checkEmpty(parsed.args().subList(1, parsed.args().size()));
    String key = parsed.args().get(0);
    if (!key.isEmpty()) {
      context.deleteCharmState(key);
    }
  }
}
