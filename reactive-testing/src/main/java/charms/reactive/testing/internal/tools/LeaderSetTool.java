package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.KeyValues;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.Map;

/**
 * {@code leader-set <key>=<value> ...}: leader only; written at once (kept even if the hook
 * fails); an empty value deletes the key.
 */
public final class LeaderSetTool extends Tool {

  @Override
  public String name() {
    return "leader-set";
  }

  @Override
  protected String synopsis() {
    return "<key>=<value> [...]";
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    Map<String, String> settings = KeyValues.parse(parsed.args());
    if (!context.isLeader()) {
      throw ToolError.run(
          "cannot write leadership settings: cannot write settings: not the leader");
    }
    context.writeLeaderSettings(settings);
  }
}
