package charms.reactive.testing.internal.tools;

import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code action-get [--format F] [<key>[.<key>...]]}: all parameters ({@code {}} if none) or
 * the value at a dotted path (null if absent). Parameters keep their JSON types.
 */
public final class ActionGetTool extends Tool {

  @Override
  public String name() {
    return "action-get";
  }

  @Override
  protected String synopsis() {
    return "[--format <smart|yaml|json>] [<key>[.<key>.<key>...]]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    List<String> args = parsed.args();
    List<String> keys = List.of();
    if (!args.isEmpty()) {
      checkEmpty(args.subList(1, args.size()));
      keys = Arrays.asList(args.get(0).split("\\.", -1));
    }
    requireAction(context);
    Object answer = context.actionParams();
    for (String key : keys) {
      answer = answer instanceof Map<?, ?> map ? map.get(key) : null;
    }
    Output.from(parsed).write(io, answer);
  }
}
