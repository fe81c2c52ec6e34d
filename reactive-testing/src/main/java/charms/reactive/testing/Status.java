package charms.reactive.testing;

import java.util.Objects;
import java.util.Set;

/**
 * A workload status as Juju keeps it: the status name and its message. Immutable.
 *
 * @param name {@code unknown}, {@code maintenance}, {@code blocked}, {@code waiting},
 *     {@code active} or {@code error}
 * @param message the message, empty if none
 */
public record Status(String name, String message) {
  /** The statuses Juju knows; a charm can set only maintenance, blocked, waiting and active. */
  public static final Set<String> NAMES =
      Set.of("unknown", "maintenance", "blocked", "waiting", "active", "error");

  /**
   * @throws IllegalArgumentException naming the status if it is not one of {@link #NAMES}
   */
  public Status {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown status '" + name + "', expected one of "
          + "unknown, maintenance, blocked, waiting, active, error");
    }
  }

  /** The status of a unit or application that never set one. */
  public static Status unknown() {
    return new Status("unknown", "");
  }

  public static Status maintenance(String message) {
    return new Status("maintenance", message);
  }

  public static Status blocked(String message) {
    return new Status("blocked", message);
  }

  public static Status waiting(String message) {
    return new Status("waiting", message);
  }

  public static Status active(String message) {
    return new Status("active", message);
  }

  public static Status active() {
    return active("");
  }

  @Override
  public String toString() {
    return message.isEmpty() ? name : name + ": " + message;
  }
}
