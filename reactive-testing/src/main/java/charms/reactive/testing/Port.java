package charms.reactive.testing;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * A port range a unit opened, as Juju groups it: the range and the endpoint it applies to.
 * Written as Juju prints it: {@code 80/tcp}, {@code 8000-8100/udp}, {@code icmp}. Immutable;
 * ordered like {@code opened-ports} lists ranges (protocol, then first port, then last port,
 * then endpoint).
 *
 * @param protocol {@code tcp}, {@code udp} or {@code icmp}
 * @param from the first port ({@code -1} for icmp)
 * @param to the last port ({@code -1} for icmp)
 * @param endpoint the endpoint the range is opened for, or {@code ""} for all endpoints
 */
public record Port(String protocol, int from, int to, String endpoint) implements Comparable<Port> {
  private static final Comparator<Port> ORDER = Comparator.comparing(Port::protocol)
      .thenComparingInt(Port::from).thenComparingInt(Port::to).thenComparing(Port::endpoint);

  /**
   * @throws IllegalArgumentException if the protocol is unknown or the range is invalid, with
   *     Juju's wording
   */
  public Port {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(endpoint, "endpoint");
    protocol = protocol.toLowerCase(Locale.ROOT);
    if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("icmp")) {
      throw new IllegalArgumentException("invalid protocol \"" + protocol
          + "\", expected \"tcp\", \"udp\", or \"icmp\"");
    }
    if (protocol.equals("icmp")) {
      if (from != -1 || to != -1) {
        throw new IllegalArgumentException("protocol \"icmp\" doesn't support any ports; got \""
            + from + "\"");
      }
    } else if (from > to) {
      throw new IllegalArgumentException("invalid port range " + from + "-" + to + "/" + protocol);
    } else if (from < 0 || from > 65535 || to < 0 || to > 65535) {
      throw new IllegalArgumentException("port range bounds must be between 0 and 65535, got "
          + from + "-" + to);
    }
  }

  public static Port tcp(int port) {
    return new Port("tcp", port, port, "");
  }

  public static Port udp(int port) {
    return new Port("udp", port, port, "");
  }

  public static Port icmp() {
    return new Port("icmp", -1, -1, "");
  }

  public static Port range(int from, int to, String protocol) {
    return new Port(protocol, from, to, "");
  }

  /**
   * Parses Juju's notation ({@code 80}, {@code 80/tcp}, {@code 8000-8100/udp}, {@code icmp}).
   *
   * @throws IllegalArgumentException with Juju's wording if the text is not a port range
   */
  public static Port parse(String text) {
    String spec = text.toLowerCase(Locale.ROOT);
    String protocol = "tcp";
    int slash = spec.indexOf('/');
    if (slash >= 0) {
      protocol = spec.substring(slash + 1);
      spec = spec.substring(0, slash);
    }
    String[] parts = spec.split("-", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("invalid port range \"" + spec + "\"");
    }
    if (parts.length == 1 && parts[0].equals("icmp")) {
      return new Port("icmp", -1, -1, "");
    }
    int from = parsePort(parts[0], parts.length == 1 ? spec : parts[0]);
    int to = parts.length == 1 ? from : parsePort(parts[1], parts[1]);
    return new Port(protocol, from, to, "");
  }

  private static int parsePort(String digits, String shown) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid port \"" + shown + "\": strconv.Atoi: parsing \""
          + digits + "\": invalid syntax");
    }
  }

  /** The same range opened only for {@code endpointName} ({@code ""} for all endpoints). */
  public Port forEndpoint(String endpointName) {
    return new Port(protocol, from, to, endpointName);
  }

  /** The same range, for all endpoints. */
  public Port range() {
    return endpoint.isEmpty() ? this : forEndpoint("");
  }

  @Override
  public int compareTo(Port other) {
    return ORDER.compare(this, other);
  }

  /** Juju's notation of the range, without the endpoint. */
  @Override
  public String toString() {
    if (protocol.equals("icmp")) {
      return "icmp";
    }
    return (from == to ? String.valueOf(from) : from + "-" + to) + "/" + protocol;
  }
}
