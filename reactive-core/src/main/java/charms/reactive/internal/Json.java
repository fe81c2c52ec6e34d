package charms.reactive.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The framework's JSON: trees of Jackson's {@link JsonNode}s read and written with jackson-core's
 * streaming API, and one {@link ObjectMapper} for conversions to and from Java types.
 *
 * <p>Every hook reads and writes trees (the unit state, hook tool output), but few convert
 * values: the mapper is built on first use of {@link #mapper()} (it loads and initialises some
 * hundreds of classes, tens of milliseconds in a fresh JVM), so a hook that only handles trees
 * never builds it. Trees read here are the ones {@code ObjectMapper.readTree} makes (the same
 * node types: int, long or big integer by size, double for fractions; a repeated key keeps its
 * last value), and trees written here are the bytes {@code mapper().writeValueAsBytes} writes.
 *
 * <p>Thread-safe.
 */
public final class Json {
  /** Makes tree nodes. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Field names are not canonicalized (interned): a unit's flag names are thousands of distinct
   * keys read once per process, and Jackson's symbol table then costs more than the parse itself
   * and grows faster than linearly (about 5 ms for 6,000 flags, against 0.4 ms without it).
   */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();

  private Json() {
  }

  /** The framework's one mapper: map keys and properties sorted, so output is stable. */
  public static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  private static final class Mapper {
    static final ObjectMapper INSTANCE = JsonMapper.builder()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .build();
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
      return mapper().valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot store " + what + " as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Converts a plain value (null, a string, a boolean, an int, long, BigInteger or double, as
   * YAML and JSON readers make them) to the node {@code mapper().valueToTree} makes, without the
   * mapper; any other value (a map, a list, a date) through the mapper.
   */
  public static JsonNode plainToNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof String text) {
      return NODES.textNode(text);
    } else if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    } else if (value instanceof Integer n) {
      return NODES.numberNode(n);
    } else if (value instanceof Long n) {
      return NODES.numberNode(n);
    } else if (value instanceof java.math.BigInteger n) {
      return NODES.numberNode(n);
    } else if (value instanceof Double n) {
      return NODES.numberNode(n);
    }
    return mapper().valueToTree(value);
  }

  /** A parser of {@code bytes}, for {@link #readValue}. */
  public static JsonParser parser(byte[] bytes) throws IOException {
    return FACTORY.createParser(bytes);
  }

  /**
   * Reads the first JSON value of {@code text} as a tree; what follows it is not read.
   *
   * @return the tree, or null if the text holds no value
   * @throws IOException (a {@link com.fasterxml.jackson.core.JsonProcessingException}) if it is
   *     not JSON or exceeds a limit of the reader
   */
  public static JsonNode read(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      return p.nextToken() == null ? null : readValue(p);
    }
  }

  /**
   * Reads the value at the parser's current token (which must be set) as a tree, leaving the
   * parser on the value's last token.
   */
  public static JsonNode readValue(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          p.nextToken();
          object.replace(name, readValue(p));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(p));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected " + token + " at " + p.currentLocation());
    }
  }

  /** A generator writing to {@code out}, for {@link #write}. */
  public static JsonGenerator generator(ByteArrayOutputStream out) throws IOException {
    return FACTORY.createGenerator(out);
  }

  /** The compact JSON text of a tree, as bytes (UTF-8). */
  public static byte[] toBytes(JsonNode node) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = generator(out)) {
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** Writes a tree: objects' properties in their order, numbers in their own type. */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          g.writeFieldName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) {
          write(g, element);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(node.textValue());
      case NUMBER -> {
        switch (node.numberType()) {
          case INT -> g.writeNumber(node.intValue());
          case LONG -> g.writeNumber(node.longValue());
          case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
          case FLOAT -> g.writeNumber(node.floatValue());
          case DOUBLE -> g.writeNumber(node.doubleValue());
          default -> g.writeNumber(node.decimalValue());
        }
      }
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL, MISSING -> g.writeNull();
      case BINARY -> g.writeBinary(node.binaryValue());
      // a POJO node (only made by hand) needs the mapper to be written
      default -> mapper().writeValue(g, node);
    }
  }
}
