package charms.reactive.relations.internal;

import charms.reactive.spi.HandlerMethodReader;

/**
 * The placeholders of interface handlers and interface facts, for one relation:
 * {@code {endpoint_name}} in a flag or hook pattern becomes the relation name, and so does a
 * {@code {role:interface}} hook group naming the implementation's own role and interface.
 */
public record EndpointPlaceholders(String relationName, String role, String interfaceName)
    implements HandlerMethodReader.Placeholders {
  /** The placeholder for the relation (endpoint) name. */
  public static final String ENDPOINT_NAME = "{endpoint_name}";

  /** Expands {@code {endpoint_name}} only: for facts, which know no role or interface. */
  public static String expandName(String flag, String relationName) {
    return flag.replace(ENDPOINT_NAME, relationName);
  }

  @Override
  public String flag(String flag) {
    return expandName(flag, relationName);
  }

  @Override
  public String hookPattern(String pattern) {
    return flag(pattern).replace("{" + role + ":" + interfaceName + "}", relationName);
  }
}
