package charms.reactive.relations.internal;

import charms.reactive.spi.PythonJson;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * JSON for relation data, which is untrusted input: decoding as Python's {@code json.loads}
 * would, under explicit limits, and encoding as {@code json.dumps(value,
 * sort_keys=True)}, so published bytes match a Python charm's.
 *
 * <p>Decoding accepts what {@code json.loads} accepts: one JSON value with surrounding whitespace,
 * including {@code NaN} and {@code Infinity}; trailing data, comments, single quotes or leading
 * zeros are not JSON. Limits: nesting deeper than {@value #MAX_DEPTH}, strings longer than
 * {@value #MAX_STRING} characters and numbers longer than {@value #MAX_NUMBER} digits are refused
 * like malformed JSON, so a hostile remote unit cannot exhaust the stack or the heap; the caller
 * then falls back to the raw string. Stateless and thread-safe.
 */
public final class RelationJson {
  /** Deepest nesting decoded (Python's own recursion limit is about 1000). */
  public static final int MAX_DEPTH = 500;
  /** Longest string decoded: Juju caps a relation's settings at 16 MiB. */
  public static final int MAX_STRING = 16 * 1024 * 1024;
  /** Longest number decoded, in characters. */
  public static final int MAX_NUMBER = 4300;

  private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_DEPTH)
              .maxStringLength(MAX_STRING)
              .maxNumberLength(MAX_NUMBER)
              .build())
          .build())
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private RelationJson() {
  }

  /**
   * The decoded value of a raw relation value, or empty if it is not JSON (or exceeds the
   * limits). Never throws for any input.
   */
  public static Optional<JsonNode> decode(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(READER.readTree(raw));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A raw value as the original's {@code JSONUnitDataView} reads it: null stays null, an empty
   * string is returned as it is, JSON is decoded, anything else is the raw string.
   */
  public static JsonNode read(String raw) {
    if (raw == null) {
      return null;
    }
    if (raw.isEmpty()) {
      return TextNode.valueOf(raw);
    }
    return decode(raw).orElseGet(() -> TextNode.valueOf(raw));
  }

  /**
   * A Java value as JSON (a {@link JsonNode} as it is, null as JSON null).
   *
   * @throws IllegalArgumentException if Jackson cannot convert it
   */
  public static JsonNode toNode(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    JsonNode node = value == null ? null : READER.valueToTree(value);
    return node == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : node;
  }

  /**
   * A decoded value converted to {@code type} with Jackson.
   *
   * @throws IllegalArgumentException if it does not fit
   */
  public static <T> T convert(JsonNode value, Class<T> type) {
    try {
      return READER.treeToValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /**
   * {@code json.dumps(value, sort_keys=True)}.
   *
   * @throws IllegalArgumentException naming the path of a value Python could not encode
   */
  public static String encode(Object value) {
    return PythonJson.dumps(value);
  }

  /** A stable digest of a decoded value: SHA-256 of its Python encoding, in hex. */
  public static String digest(JsonNode value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(
          PythonJson.dumps(value).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A value for messages: at most 80 characters, control characters escaped. */
  public static String preview(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    StringBuilder out = new StringBuilder();
    cut.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
