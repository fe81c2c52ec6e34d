package charms.reactive;

/** The levels of {@code juju-log}. */
public enum LogLevel {
  TRACE, DEBUG, INFO, WARNING, ERROR
}
