package charms.reactive.testing.internal.tools;

import charms.reactive.testing.Status;
import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.List;

/**
 * {@code status-set [--application] <maintenance|blocked|waiting|active> [<message>]}: exactly
 * one message argument; {@code --application} only for the leader. Immediate.
 */
public final class StatusSetTool extends Tool {
  private static final List<String> SETTABLE =
      List.of("maintenance", "blocked", "waiting", "active");

  @Override
  public String name() {
    return "status-set";
  }

  @Override
  protected String synopsis() {
    return "[--application] <maintenance | blocked | waiting | active> [message]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    flags.bool("application", "application");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    List<String> args = parsed.args();
    if (args.isEmpty()) {
      throw ToolError.usage("invalid args, require <status> [message]");
    }
    if (!SETTABLE.contains(args.get(0))) {
      throw ToolError.usage("invalid status " + GoText.quote(args.get(0))
          + ", expected one of [maintenance blocked waiting active]");
    }
    String message = "";
    if (args.size() > 1) {
      message = args.get(1);
      checkEmpty(args.subList(2, args.size()));
    }
    Status status = new Status(args.get(0), message);
    if (parsed.bool("application")) {
      if (!context.isLeader()) {
        throw ToolError.run("this unit is not the leader");
      }
      context.setAppStatus(status);
    } else {
      context.setUnitStatus(status);
    }
  }
}
