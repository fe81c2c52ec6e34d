package charms.reactive.internal.stable;

import charms.reactive.HandlerDefinitionException;

/**
 * One declared input of a stable handler, {@code kind:key} ({@code config:port},
 * {@code relation:db:host}, {@code file:/etc/app.conf}): the kind is up to the first colon, the
 * key is the rest. The same syntax serves Java ({@code @Stable(inputs = ...)}) and bash
 * ({@code @inputs config:port relation:db:host}).
 */
public record InputSpec(String kind, String key) {

  /**
   * Parses one spec.
   *
   * @param handlerId named in the error
   * @throws HandlerDefinitionException naming the handler and the spec if it is malformed
   */
  public static InputSpec parse(String spec, String handlerId) {
    int colon = spec == null ? -1 : spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1 || spec.chars().anyMatch(Character::isISOControl)) {
      throw new HandlerDefinitionException("handler " + handlerId + ": stable input '" + spec
          + "' is not of the form kind:key (config:port, leader:password, relation:db:host, "
          + "file:/etc/app.conf, flag:name, data:key)");
    }
    return new InputSpec(spec.substring(0, colon), spec.substring(colon + 1));
  }

  @Override
  public String toString() {
    return kind + ":" + key;
  }
}
