package charms.reactive.spi;

import charms.reactive.internal.Json;
import charms.reactive.state.StateDocument;
import charms.reactive.state.StateFileException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Encodes a {@link StateDocument} as the versioned JSON document
 * {@code {"format": "charms.reactive/unit-state", "version": 1, "flags": {..}, "data": {..},
 * "framework": {..}}} and decodes it back, for every store backend.
 */
public final class StateCodec {
  static final String FORMAT = "charms.reactive/unit-state";

  /**
   * Reads the document without canonicalizing (interning) field names: a unit's flag names are
   * thousands of distinct keys read once per process, and Jackson's symbol table then costs more
   * than the parse itself and grows faster than linearly (about 5 ms for 6,000 flags, against
   * 0.4 ms without it).
   */
  private static final ObjectReader READER = JsonMapper.builder(JsonFactory.builder()
          .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
      .build().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private StateCodec() {
  }

  public static byte[] encode(StateDocument doc) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", StateDocument.VERSION);
    root.set("flags", toObject(doc.flags()));
    root.set("data", toObject(doc.data()));
    root.set("framework", toObject(doc.framework()));
    try {
      return Json.MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the unit state", e);
    }
  }

  /**
   * Decodes a document.
   *
   * @param where the file or location, named in every error
   * @throws StateFileException if the bytes are not a unit-state document of a known version
   */
  public static StateDocument decode(byte[] bytes, String where) {
    JsonNode root;
    try {
      // a valid document followed by anything else is a damaged file, not a valid one
      root = READER.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new StateFileException("corrupt unit state in " + where + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
      throw new StateFileException("corrupt unit state in " + where
          + ": not a charms.reactive unit-state document");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != StateDocument.VERSION) {
      throw new StateFileException("unit state in " + where + " has version " + version
          + "; this framework reads version " + StateDocument.VERSION);
    }
    return new StateDocument(section(root, "flags", where), section(root, "data", where),
        section(root, "framework", where));
  }

  private static ObjectNode toObject(Map<String, JsonNode> map) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    map.forEach(node::set);
    return node;
  }

  private static SortedMap<String, JsonNode> section(JsonNode root, String name, String where) {
    JsonNode node = root.get(name);
    if (node == null || !node.isObject()) {
      throw new StateFileException("corrupt unit state in " + where + ": '" + name
          + "' is missing or not an object");
    }
    SortedMap<String, JsonNode> map = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }
}
