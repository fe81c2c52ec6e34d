package charms.reactive.spi;

import charms.reactive.internal.Json;
import charms.reactive.state.StateDocument;
import charms.reactive.state.StateFileException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Encodes a {@link StateDocument} as the versioned JSON document
 * {@code {"format": "charms.reactive/unit-state", "version": 1, "flags": {..}, "data": {..},
 * "framework": {..}}} and decodes it back, for every store backend.
 *
 * <p>Reads and writes with jackson-core's streaming parser and generator, building the values'
 * trees directly: every hook reads this document, and an {@code ObjectMapper} would cost a fresh
 * JVM tens of milliseconds before the first byte. The bytes are the ones the mapper wrote (sections
 * and keys sorted, compact), so files written before read back and re-encode unchanged. Stateless
 * and thread-safe.
 */
public final class StateCodec {
  static final String FORMAT = "charms.reactive/unit-state";
  private static final String[] SECTIONS = {"flags", "data", "framework"};

  private StateCodec() {
  }

  public static byte[] encode(StateDocument doc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = Json.generator(out)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", StateDocument.VERSION);
      writeSection(g, "flags", doc.flags());
      writeSection(g, "data", doc.data());
      writeSection(g, "framework", doc.framework());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the unit state: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static void writeSection(JsonGenerator g, String name, Map<String, JsonNode> section)
      throws IOException {
    g.writeFieldName(name);
    g.writeStartObject();
    for (Map.Entry<String, JsonNode> e : section.entrySet()) {
      g.writeFieldName(e.getKey());
      Json.write(g, e.getValue());
    }
    g.writeEndObject();
  }

  /**
   * Decodes a document.
   *
   * @param where the file or location, named in every error
   * @throws StateFileException if the bytes are not a unit-state document of a known version;
   *     a parse error also names the key (as a JSON pointer) where it was found
   */
  public static StateDocument decode(byte[] bytes, String where) {
    JsonNode format = null;
    JsonNode version = null;
    boolean object;
    Map<String, SortedMap<String, JsonNode>> sections = new HashMap<>();
    JsonParser p = null;
    try {
      p = Json.parser(bytes);
      JsonToken first = p.nextToken();
      object = first == JsonToken.START_OBJECT;
      if (object) {
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          JsonToken token = p.nextToken();
          boolean section = isSection(name);
          if (section && token == JsonToken.START_OBJECT) {
            sections.put(name, readSection(p));
          } else {
            JsonNode value = Json.readValue(p);
            if (section) {
              sections.remove(name);
            } else if (name.equals("format")) {
              format = value;
            } else if (name.equals("version")) {
              version = value;
            }
          }
        }
      } else if (first != null) {
        Json.readValue(p);
      }
      // a valid document followed by anything else is a damaged file, not a valid one
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new StateFileException("corrupt unit state in " + where + ": trailing " + trailing
            + " after the document, at " + p.currentLocation().offsetDescription());
      }
    } catch (JsonProcessingException e) {
      String at = p == null ? "" : " (at key '" + p.getParsingContext().pathAsPointer() + "')";
      throw new StateFileException("corrupt unit state in " + where + at + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StateFileException("corrupt unit state in " + where + ": " + e.getMessage(), e);
    } finally {
      if (p != null) {
        try {
          p.close();
        } catch (IOException ignored) {
          // reading is over; nothing was written
        }
      }
    }
    if (!object || format == null || !format.isTextual() || !FORMAT.equals(format.textValue())) {
      throw new StateFileException("corrupt unit state in " + where
          + ": not a charms.reactive unit-state document");
    }
    if (version == null || !version.isInt() || version.intValue() != StateDocument.VERSION) {
      throw new StateFileException("unit state in " + where + " has version " + version
          + "; this framework reads version " + StateDocument.VERSION);
    }
    for (String name : SECTIONS) {
      if (!sections.containsKey(name)) {
        throw new StateFileException("corrupt unit state in " + where + ": '" + name
            + "' is missing or not an object");
      }
    }
    return new StateDocument(sections.get("flags"), sections.get("data"), sections.get("framework"));
  }

  private static boolean isSection(String name) {
    for (String section : SECTIONS) {
      if (section.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The object at the parser's START_OBJECT, its keys sorted; a repeated key keeps its last value. */
  private static SortedMap<String, JsonNode> readSection(JsonParser p) throws IOException {
    SortedMap<String, JsonNode> map = new TreeMap<>();
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      p.nextToken();
      map.put(key, Json.readValue(p));
    }
    return map;
  }
}
