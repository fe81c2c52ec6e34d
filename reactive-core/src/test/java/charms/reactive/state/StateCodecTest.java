package charms.reactive.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.spi.StateCodec;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The streaming codec against the ObjectMapper codec it replaced (kept here as the reference): the
 * same bytes for the same document, the same trees for the same bytes, so unit-state files written
 * before read back and re-encode unchanged.
 */
class StateCodecTest {
  /** The mapper the codec used to write with. */
  static final ObjectMapper OLD_MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();
  /** The reader the codec used to read with. */
  static final ObjectMapper OLD_READER = JsonMapper.builder(JsonFactory.builder()
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static byte[] oldEncode(StateDocument doc) throws Exception {
    ObjectNode root = OLD_MAPPER.createObjectNode();
    root.put("format", "charms.reactive/unit-state");
    root.put("version", 1);
    ObjectNode flags = root.putObject("flags");
    doc.flags().forEach(flags::set);
    ObjectNode data = root.putObject("data");
    doc.data().forEach(data::set);
    ObjectNode framework = root.putObject("framework");
    doc.framework().forEach(framework::set);
    return OLD_MAPPER.writeValueAsBytes(root);
  }

  static SortedMap<String, JsonNode> section(JsonNode root, String name) {
    SortedMap<String, JsonNode> map = new TreeMap<>();
    root.get(name).properties().forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  static StateDocument oldDecode(byte[] bytes) throws Exception {
    JsonNode root = OLD_READER.readTree(bytes);
    return new StateDocument(section(root, "flags"), section(root, "data"), section(root, "framework"));
  }

  /** A random JSON value of every kind the tree model has from parsing. */
  static JsonNode randomValue(Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 8 : 10);
    return switch (kind) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(r.nextBoolean());
      case 2 -> NODES.numberNode(r.nextInt());
      case 3 -> NODES.numberNode(r.nextLong() | (1L << 40));
      case 4 -> NODES.numberNode(new BigInteger(80, r).negate().subtract(BigInteger.TWO.pow(70)));
      case 5 -> NODES.numberNode(switch (r.nextInt(5)) {
        case 0 -> 0.1;
        case 1 -> -0.0;
        case 2 -> 1e300;
        case 3 -> 12345.678e-20;
        default -> r.nextDouble() * r.nextInt();
      });
      case 6, 7 -> NODES.textNode(randomText(r));
      case 8 -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(randomValue(r, depth + 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = NODES.objectNode();
        // keys in insertion order, deliberately unsorted
        for (int i = r.nextInt(5); i > 0; i--) {
          o.set(randomText(r), randomValue(r, depth + 1));
        }
        yield o;
      }
    };
  }

  static String randomText(Random r) {
    String alphabet = "az_.-:/ \"\\\n\t\u0001\u007f\u00e9\u2028\u4e2d\ud83d\ude00";
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(12); i > 0; i--) {
      int at = r.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (Character.isHighSurrogate(c)) {
        b.append(c).append(alphabet.charAt(at + 1));
      } else if (!Character.isLowSurrogate(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  static StateDocument randomDocument(Random r) {
    Map<String, JsonNode> flags = new TreeMap<>();
    Map<String, JsonNode> data = new TreeMap<>();
    Map<String, JsonNode> framework = new TreeMap<>();
    for (int i = r.nextInt(30); i > 0; i--) {
      flags.put("flag." + randomText(r), r.nextInt(3) == 0 ? randomValue(r, 0) : NODES.nullNode());
      data.put(randomText(r), randomValue(r, 0));
      framework.put("owner:" + randomText(r), randomValue(r, 0));
    }
    return new StateDocument(new TreeMap<>(flags), new TreeMap<>(data), new TreeMap<>(framework));
  }

  @RepeatedTest(200)
  void encodesTheBytesTheMapperWroteAndDecodesWhatItRead(RepetitionInfo run) throws Exception {
    StateDocument doc = randomDocument(new Random(run.getCurrentRepetition()));
    byte[] old = oldEncode(doc);
    assertArrayEquals(old, StateCodec.encode(doc), () -> new String(old, StandardCharsets.UTF_8));
    StateDocument decoded = StateCodec.decode(old, "file");
    assertEquals(oldDecode(old), decoded);
    assertEquals(doc, decoded);
    assertArrayEquals(old, StateCodec.encode(decoded));
  }

  @Test
  void aFileWrittenByTheMapperCodecReadsBackAndReencodesUnchanged() {
    // as the previous codec wrote it (nested keys in their insertion order, numbers of each size)
    String file = "{\"format\":\"charms.reactive/unit-state\",\"version\":1,\"flags\":{\"endpoint.db.joined\":"
        + "{\"relation\":\"db\",\"conversations\":[\"x\",\"y\"]},\"installed\":null},\"data\":{\"big\":"
        + "-12345678901234567890,\"f\":0.1,\"l\":12345678901,\"n\":5,\"s\":\"caf\u00e9 \\\"q\\\"\\n\"},"
        + "\"framework\":{\"juju:config\":{\"z\":true,\"a\":[]}}}";
    byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
    StateDocument doc = StateCodec.decode(bytes, "old-file");
    assertEquals(5, doc.data().get("n").intValue());
    assertTrue(doc.data().get("l").isLong() && doc.data().get("big").isBigInteger());
    assertTrue(doc.data().get("f").isDouble());
    assertEquals("caf\u00e9 \"q\"\n", doc.data().get("s").textValue());
    assertEquals("[\"z\",\"a\"]", doc.framework().get("juju:config").properties().stream()
        .map(e -> "\"" + e.getKey() + "\"").toList().toString().replace(" ", ""));
    assertArrayEquals(bytes, StateCodec.encode(doc));
  }

  @Test
  void aRepeatedKeyKeepsItsLastValueAsTheMapperDid() throws Exception {
    byte[] bytes = ("{\"format\":\"charms.reactive/unit-state\",\"version\":1,\"flags\":{\"a\":1,\"a\":2},"
        + "\"data\":{},\"framework\":{},\"data\":{\"k\":{\"x\":1,\"x\":[true]}}}").getBytes(StandardCharsets.UTF_8);
    StateDocument doc = StateCodec.decode(bytes, "f");
    assertEquals(oldDecode(bytes), doc);
    assertEquals(2, doc.flags().get("a").intValue());
    assertEquals("{\"x\":[true]}", doc.data().get("k").toString());
  }

  @Test
  void aParseErrorNamesTheFileAndTheKeyItWasIn() {
    byte[] bytes = ("{\"format\":\"charms.reactive/unit-state\",\"version\":1,\"flags\":{\"ok\":null,"
        + "\"broken.flag\":{\"v\": tru}},\"data\":{},\"framework\":{}}").getBytes(StandardCharsets.UTF_8);
    StateFileException e = assertThrows(StateFileException.class,
        () -> StateCodec.decode(bytes, "/var/lib/unit/.unit-state.json"));
    assertTrue(e.getMessage().startsWith("corrupt unit state in /var/lib/unit/.unit-state.json"), e.getMessage());
    assertTrue(e.getMessage().contains("/flags/broken.flag/v"), e.getMessage());
  }

  @Test
  void trailingBytesAfterTheDocumentAreAnErrorNamingTheFile() {
    byte[] doc = StateCodec.encode(StateDocument.empty());
    byte[] withTail = (new String(doc, StandardCharsets.UTF_8) + " {}").getBytes(StandardCharsets.UTF_8);
    StateFileException e = assertThrows(StateFileException.class, () -> StateCodec.decode(withTail, "the-file"));
    assertTrue(e.getMessage().contains("the-file") && e.getMessage().contains("trailing"), e.getMessage());
  }

  @Test
  void aSectionThatIsNotAnObjectIsNamed() {
    byte[] bytes = ("{\"format\":\"charms.reactive/unit-state\",\"version\":1,\"flags\":{},\"data\":[],"
        + "\"framework\":{}}").getBytes(StandardCharsets.UTF_8);
    StateFileException e = assertThrows(StateFileException.class, () -> StateCodec.decode(bytes, "f"));
    assertEquals("corrupt unit state in f: 'data' is missing or not an object", e.getMessage());
  }
}
