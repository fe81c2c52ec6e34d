package charms.reactive.testing.internal.tools;

import charms.reactive.testing.Port;
import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code opened-ports [--format F] [--endpoints]}: the unit's ranges as committed when the hook
 * started (this hook's own open/close are not shown), sorted; with {@code --endpoints} each
 * followed by {@code (*)} or {@code (ep1, ep2)}.
 */
public final class OpenedPortsTool extends Tool {

  @Override
  public String name() {
    return "opened-ports";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>] [--endpoints]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
    flags.bool("endpoints", "endpoints");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    checkEmpty(parsed.args());
    Map<Port, SortedSet<String>> byRange = new TreeMap<>();
    for (Port p : context.committedPorts()) {
      byRange.computeIfAbsent(p.range(), k -> new TreeSet<>()).add(p.endpoint());
    }
    List<String> lines = new ArrayList<>();
    byRange.forEach((range, endpoints) -> lines.add(!parsed.bool("endpoints") ? range.toString()
        : range + " (" + (endpoints.contains("") ? "*" : String.join(", ", endpoints)) + ")"));
    Output.from(parsed).write(io, lines);
  }
}
