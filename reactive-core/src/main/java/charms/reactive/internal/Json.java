package charms.reactive.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/** The framework's one JSON mapper: map keys and properties sorted, so output is stable. */
public final class Json {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  private Json() {
  }

  /**
   * Converts a value to JSON: a {@link JsonNode} as it is, null as JSON null, anything else by
   * Jackson's conversion.
   *
   * @throws IllegalArgumentException naming {@code what} if the value cannot be converted
   */
  public static JsonNode toNode(Object value, String what) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    try {
      return MAPPER.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot store " + what + " as JSON: " + e.getMessage(), e);
    }
  }
}
