package charms.reactive.testing.internal.tools;

import charms.reactive.testing.Port;
import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code open-port} and {@code close-port} {@code [--endpoints ep1,ep2] <port>[/<proto>] |
 * <from>-<to>[/<proto>] | icmp}: buffered until the hook succeeds; without {@code --endpoints}
 * the range applies to all endpoints.
 */
public final class PortTool extends Tool {
  private final boolean open;

  public PortTool(boolean open) {
    this.open = open;
  }

  @Override
  public String name() {
    return open ? "open-port" : "close-port";
  }

  @Override
  protected String synopsis() {
    return "[--endpoints <ep1,ep2>] <port>[/<protocol>] or <from>-<to>[/<protocol>] or icmp";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    flags.string("format", "format").string("endpoints", "endpoints");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    List<String> args = parsed.args();
    if (args.isEmpty()) {
      throw ToolError.usage("no port or range specified");
    }
    Port range;
    try {
      range = Port.parse(args.get(0).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ToolError.usage(e.getMessage());
    }
    checkEmpty(args.subList(1, args.size()));
    warnDeprecatedFormat(parsed, io);
    String endpoints = parsed.string("endpoints");
    List<Port> ports = new ArrayList<>();
    if (endpoints == null || endpoints.isEmpty()) {
      ports.add(range);
    } else {
      for (String endpoint : endpoints.split(",", -1)) {
        String name = endpoint.trim();
        if (!context.charm().bindings().contains(name)) {
          throw ToolError.run("cannot " + (open ? "open " : "close ") + range + " for endpoint "
              + GoText.quote(name) + ": the charm defines no such endpoint");
        }
        ports.add(range.forEndpoint(name));
      }
    }
    for (Port port : ports) {
      if (open) {
        context.openPort(port);
      } else {
        context.closePort(port);
      }
    }
  }
}
