package charms.reactive.testing;

import java.util.List;
import java.util.Objects;

/**
 * What {@code network-get} reports for one binding: one interface with one address, the ingress
 * addresses and the egress subnets. Immutable.
 *
 * @param interfaceName such as {@code eth0}
 * @param macAddress the interface's MAC address
 * @param address the address the unit binds to
 * @param cidr the subnet of {@code address}
 * @param ingressAddresses the addresses to advertise, first is preferred
 * @param egressSubnets the subnets traffic from the unit comes from
 */
public record Network(String interfaceName, String macAddress, String address, String cidr,
    List<String> ingressAddresses, List<String> egressSubnets) {

  /** The address Scenario and this harness use by default (TEST-NET-1, RFC 5737). */
  public static final String DEFAULT_ADDRESS = "192.0.2.0";

  public Network {
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(macAddress, "macAddress");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(cidr, "cidr");
    ingressAddresses = List.copyOf(ingressAddresses);
    egressSubnets = List.copyOf(egressSubnets);
  }

  /** A binding on {@code eth0} with one IPv4 address in a /24, ingress at that address. */
  public static Network of(String address) {
    String subnet = address.contains(".")
        ? address.substring(0, address.lastIndexOf('.')) + ".0/24" : address + "/64";
    return new Network("eth0", "00:00:5e:00:53:01", address, subnet, List.of(address),
        List.of(address + (address.contains(".") ? "/32" : "/128")));
  }

  /** The default binding, at {@link #DEFAULT_ADDRESS}. */
  public static Network defaults() {
    return of(DEFAULT_ADDRESS);
  }

  /** The preferred ingress address, or the bound address if there is none. */
  public String ingressAddress() {
    return ingressAddresses.isEmpty() ? address : ingressAddresses.get(0);
  }
}
