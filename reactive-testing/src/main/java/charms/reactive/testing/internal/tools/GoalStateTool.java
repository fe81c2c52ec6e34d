package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoStruct;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import charms.reactive.testing.RelationState;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code goal-state [--format yaml|json]} (default yaml): this application's units (this unit
 * and its peers) and, per endpoint, the related applications ({@code joined}) and units
 * ({@code active}). The model holds no planned units, so the goal is what is already there; every
 * {@code since} is a fixed time so output is repeatable.
 */
public final class GoalStateTool extends Tool {
  static final String SINCE = "2025-01-01 00:00:00Z";

  @Override
  public String name() {
    return "goal-state";
  }

  @Override
  protected String synopsis() {
    return "[--format <yaml|json>]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags, "yaml", Set.of("yaml", "json"));
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    checkEmpty(parsed.args());
    Map<String, Object> units = new TreeMap<>();
    units.put(context.unitName(), status("active"));
    Map<String, Object> relations = new TreeMap<>();
    for (RelationState r : context.input().relations()) {
      boolean peer = context.charm().isPeer(r.endpoint());
      @SuppressWarnings("unchecked")
      Map<String, Object> members = (Map<String, Object>) relations.computeIfAbsent(r.endpoint(),
          k -> new TreeMap<String, Object>());
      if (!peer) {
        members.put(r.remoteApp(), status("joined"));
      }
      for (String unit : r.remoteUnits().keySet()) {
        members.put(unit, status("active"));
        if (peer) {
          units.put(unit, status("active"));
        }
      }
    }
    Output.from(parsed).write(io, new GoStruct().field("units", units)
        .field("relations", relations));
  }

  private static GoStruct status(String status) {
    return new GoStruct().field("status", status).field("since", SINCE);
  }
}
