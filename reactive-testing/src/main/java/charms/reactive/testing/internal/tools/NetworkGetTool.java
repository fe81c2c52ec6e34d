package charms.reactive.testing.internal.tools;

import charms.reactive.testing.Network;
import charms.reactive.testing.internal.FlagSet;
import charms.reactive.testing.internal.GoStruct;
import charms.reactive.testing.internal.GoText;
import charms.reactive.testing.internal.Output;
import charms.reactive.testing.internal.ToolError;
import charms.reactive.testing.internal.ToolIo;
import charms.reactive.testing.internal.UnitContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code network-get [--format F] [-r id] <binding> [--bind-address] [--ingress-address]
 * [--egress-subnets] [--primary-address]}: the whole structure (YAML also carries the legacy
 * {@code macaddress}, {@code interfacename} and {@code address} keys), one selected value, or a
 * map of several. Bindings are the charm's endpoints and extra bindings.
 */
public final class NetworkGetTool extends Tool {

  @Override
  public String name() {
    return "network-get";
  }

  @Override
  protected String synopsis() {
    return "<binding-name> [--ingress-address] [--bind-address] [--egress-subnets]";
  }

  @Override
  protected void defineFlags(FlagSet flags, UnitContext context) {
    Output.addFlags(flags);
    RelationOption.define(flags, context);
    flags.bool("primary-address", "primary-address").bool("bind-address", "bind-address")
        .bool("ingress-address", "ingress-address").bool("egress-subnets", "egress-subnets");
  }

  @Override
  protected void run(UnitContext context, FlagSet.Parsed parsed, ToolIo io) throws ToolError {
    List<String> args = parsed.args();
    if (args.isEmpty()) {
      throw ToolError.usage("no arguments specified");
    }
    String binding = args.get(0);
    if (binding.isEmpty()) {
      throw ToolError.usage("no binding name specified");
    }
    checkEmpty(args.subList(1, args.size()));
    if (!context.charm().bindings().contains(binding)) {
      throw ToolError.run("no network config found for binding " + GoText.quote(binding));
    }
    Network network = context.network(binding);
    Output out = Output.from(parsed);
    boolean bind = parsed.bool("bind-address");
    boolean ingress = parsed.bool("ingress-address");
    boolean egress = parsed.bool("egress-subnets");
    if (parsed.bool("primary-address")) {
      if (bind || ingress || egress) {
        throw ToolError.run("--primary-address must be the only flag specified");
      }
      out.write(io, network.address());
      return;
    }
    if (!bind && !ingress && !egress) {
      out.write(io, whole(network, out.format().equals("json")));
      return;
    }
    Map<String, Object> values = new TreeMap<>();
    if (egress) {
      values.put("egress-subnets", network.egressSubnets());
    }
    if (ingress) {
      values.put("ingress-address", network.ingressAddress());
    }
    if (bind) {
      values.put("bind-address", network.address());
    }
    out.write(io, values.size() == 1 ? values.values().iterator().next() : values);
  }

  private static Map<String, Object> whole(Network network, boolean json) {
    GoStruct address = new GoStruct().field("hostname", "").field("value", network.address())
        .field("cidr", network.cidr());
    GoStruct iface = new GoStruct().field("mac-address", network.macAddress())
        .field("interface-name", network.interfaceName()).field("addresses", List.of(address));
    if (!json) {
      address.field("address", network.address());
      iface.field("macaddress", network.macAddress())
          .field("interfacename", network.interfaceName());
    }
    GoStruct result = new GoStruct().field("bind-addresses", List.of(iface));
    if (!network.egressSubnets().isEmpty()) {
      result.field("egress-subnets", network.egressSubnets());
    }
    if (!network.ingressAddresses().isEmpty()) {
      result.field("ingress-addresses", network.ingressAddresses());
    }
    return result;
  }
}
