package charms.reactive.testing;

import java.util.Objects;

/**
 * One line {@code juju-log} wrote to the unit log. Messages of relation hooks carry Juju's
 * {@code <endpoint>:<id>: } prefix, as in the real log.
 *
 * @param level the loggo level: {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARNING},
 *     {@code ERROR} or {@code CRITICAL}
 * @param message the message as logged
 */
public record LogLine(String level, String message) {

  public LogLine {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return level + " " + message;
  }
}
