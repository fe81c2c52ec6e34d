package charms.reactive.testing.internal.tools;

import charms.reactive.testing.Status;
import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code status-get [--format F] [--include-data] [--application]}: smart without data prints
 * the status word; otherwise a map ({@code status}, plus {@code message} and {@code status-data}
 * with data); {@code --application} (leader only) nests it under {@code application-status} with
 * this unit under {@code units}.
 */
public final class StatusGetTool extends Tool {

  @Override
  public String name() {
    return "status-get";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>] [--include-data] [--application]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
    flags.bool("include-data", "include-data").bool("application", "application");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    checkEmpty(parsed.args());
    boolean data = parsed.bool("include-data");
    Output out = Output.from(parsed);
    if (parsed.bool("application")) {
      if (!context.isLeader()) {
        throw ToolError.run("finding application status: this unit is not the leader");
      }
      if (!data && out.format().equals("smart")) {
        out.write(io, context.appStatus().name());
        return;
      }
      Map<String, Object> details = details(context.appStatus(), data);
      details.put("units", Map.of(context.unitName(), details(context.unitStatus(), data)));
      out.write(io, Map.of("application-status", details));
      return;
    }
    if (!data && out.format().equals("smart")) {
      out.write(io, context.unitStatus().name());
      return;
    }
    out.write(io, details(context.unitStatus(), data));
  }

  private static Map<String, Object> details(Status status, boolean data) {
    Map<String, Object> details = new TreeMap<>();
    details.put("status", status.name());
    if (data) {
      details.put("message", status.message());
      details.put("status-data", Map.of());
    }
    return details;
  }
}
