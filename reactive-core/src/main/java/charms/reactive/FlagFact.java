package charms.reactive;

import charms.reactive.spi.StateSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One fact about a flag, as published by a {@link StateSource}: the flag should be set (with a
 * value) or cleared when the hook's state snapshot is built.
 */
public record FlagFact(String flag, boolean set, JsonNode value) {

  public static FlagFact set(String flag) {
    return new FlagFact(flag, true, NullNode.getInstance());
  }

  public static FlagFact set(String flag, JsonNode value) {
    return new FlagFact(flag, true, value);
  }

  public static FlagFact cleared(String flag) {
    return new FlagFact(flag, false, null);
  }

  public static FlagFact toggled(String flag, boolean set) {
    return set ? set(flag) : cleared(flag);
  }
}
