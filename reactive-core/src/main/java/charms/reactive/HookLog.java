package charms.reactive;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Where the framework and the charm log during a hook. The default writes to standard error; the
 * Juju integration sends the lines to {@code juju-log}.
 */
@FunctionalInterface
public interface HookLog {

  void log(LogLevel level, String message);

  default void debug(String message) {
    log(LogLevel.DEBUG, message);
  }

  default void info(String message) {
    log(LogLevel.INFO, message);
  }

  default void warning(String message) {
    log(LogLevel.WARNING, message);
  }

  default void error(String message) {
    log(LogLevel.ERROR, message);
  }

  /** Logs {@code message} followed by the full stack trace of {@code error}. */
  default void error(String message, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    log(LogLevel.ERROR, message + "\n" + trace.toString().stripTrailing());
  }

  /** Sends any buffered lines; called when the hook ends, whether it failed or not. */
  default void flush() {
  }

  /** A log that writes {@code juju-log: LEVEL: message} lines to standard error. */
  static HookLog stderr() {
    return (level, message) -> System.err.println("juju-log: " + level + ": " + message);
  }
}
