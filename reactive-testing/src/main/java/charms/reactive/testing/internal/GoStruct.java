package charms.reactive.testing.internal;

import java.util.LinkedHashMap;

/**
 * A value Juju prints from a Go struct: its keys keep their declared order in YAML and JSON,
 * where a Go map's keys are sorted. Output only.
 */
public final class GoStruct extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;

  /** Appends a field; returns this, for chaining. */
  public GoStruct field(String name, Object value) {
    put(name, value);
    return this;
  }
}
