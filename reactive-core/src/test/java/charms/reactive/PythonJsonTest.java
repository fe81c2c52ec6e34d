package charms.reactive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.spi.PythonJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link PythonJson} against outputs of Python's {@code json.dumps(v, sort_keys=True)}. Each
 * expected string was derived from the rules of CPython's encoder (json/encoder.py, _json.c,
 * pystrtod.c) and checked against CPython 3.11.
 */
class PythonJsonTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void theIssueExample() {
    Map<String, Object> value = map("b", List.of(1, 2.5, "é"), "a", null);
    assertEquals("{\"a\": null, \"b\": [1, 2.5, \"\\u00e9\"]}", PythonJson.dumps(value));
  }

  @Test
  void hashesMatchPythonsDataChangedInput() throws Exception {
    // hashlib.md5(json.dumps(v, sort_keys=True).encode('utf8')).hexdigest() in Python
    Map<String, Object> value = map("b", List.of(1, 2.5, "é"), "a", null);
    byte[] bytes = PythonJson.dumpsUtf8(value);
    assertEquals("9e13cc156483dabfb15501108d8e87f5",
        HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)));
    assertEquals("b129e8b869243fd11bf91cf8baafac4e7229e28a409192143c02eef67a9fc152",
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }

  @Test
  void floatsAreWrittenAsPythonsRepr() {
    double[] values = {1.0, 2.5, 0.1, 0.1 + 0.2, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5,
        1.5e-5, 5e-324, 1.7976931348623157e308, 2e23, -0.0, 0.0, 1.0 / 3, 100.0, 1e22, 4.35, 2.675,
        9007199254740993.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.000123456, 12345678901234567890.0, 1e100, 1.25e-100};
    String expected = "[1.0, 2.5, 0.1, 0.30000000000000004, 1e+16, 1000000000000000.0, "
        + "1.2345678901234568e+17, 0.0001, 1e-05, 1.5e-05, 5e-324, 1.7976931348623157e+308, 2e+23, "
        + "-0.0, 0.0, 0.3333333333333333, 100.0, 1e+22, 4.35, 2.675, 9007199254740992.0, NaN, "
        + "Infinity, -Infinity, 0.000123456, 1.2345678901234567e+19, 1e+100, 1.25e-100]";
    assertEquals(expected, PythonJson.dumps(values));
  }

  @Test
  void shortestDigitsEvenWhereJava17sToStringIsNot() {
    // Java 17's Double.toString(2e23) is "1.9999999999999998E23"; Python's repr is "2e+23".
    assertEquals("2e+23", PythonJson.floatRepr(2e23));
    assertEquals("1e+23", PythonJson.floatRepr(1e23));
    assertEquals("0.002", PythonJson.floatRepr(2.0e-3));
  }

  @Test
  void javaFloatsAreWidenedAndBigDecimalsAreTheNearestDouble() {
    assertEquals("0.10000000149011612", PythonJson.dumps(0.1f));
    // json.dumps(json.loads("1.10")) == "1.1"; json.loads("1e400") is inf
    assertEquals("1.1", PythonJson.dumps(new BigDecimal("1.10")));
    assertEquals("Infinity", PythonJson.dumps(new BigDecimal("1e400")));
    assertEquals("1.1", PythonJson.dumps(DecimalNode.valueOf(new BigDecimal("1.10"))));
  }

  @Test
  void stringsAreEscapedAsciiWithLowercaseHex() {
    List<String> strings = List.of("\"\\/\b\f\n\r\t", "\u0000\u001f\u007f", "\u2028", "😀",
        "\uffff", "~ ");
    assertEquals("[\"\\\"\\\\/\\b\\f\\n\\r\\t\", \"\\u0000\\u001f\\u007f\", \"\\u2028\", "
        + "\"\\ud83d\\ude00\", \"\\uffff\", \"~ \"]", PythonJson.dumps(strings));
  }

  @Test
  void integersAreExactAtAnySize() {
    List<Object> ints = List.of(0, -1, new BigInteger("9223372036854775808"),
        new BigInteger("-18446744073709551616"), true, false, (byte) 7, (short) -3, Long.MIN_VALUE);
    assertEquals("[0, -1, 9223372036854775808, -18446744073709551616, true, false, 7, -3, "
        + "-9223372036854775808]", PythonJson.dumps(ints));
  }

  @Test
  void nestedContainersAndEmptyOnes() {
    Map<String, Object> value = map("z", map("y", List.of(), "x", Map.of()), "a", List.of(List.of()));
    assertEquals("{\"a\": [[]], \"z\": {\"x\": {}, \"y\": []}}", PythonJson.dumps(value));
    assertEquals("[1, 2]", PythonJson.dumps(new int[] {1, 2}));
    assertEquals("[\"x\", null]", PythonJson.dumps(new Object[] {"x", null}));
  }

  @Test
  void stringKeysSortByCodePointNotUtf16Unit() {
    Map<String, Object> value = new HashMap<>();
    value.put("\uffff", 1);
    value.put("😀", 2);
    value.put("a", 3);
    value.put("B", 4);
    value.put("é", 5);
    // String.compareTo would put the surrogate pair of U+1F600 before U+FFFF
    assertEquals("{\"B\": 4, \"a\": 3, \"\\u00e9\": 5, \"\\uffff\": 1, \"\\ud83d\\ude00\": 2}",
        PythonJson.dumps(value));
  }

  @Test
  void numericKeysSortNumericallyAndConvertAsPythonDoes() {
    Map<Object, Object> value = new HashMap<>();
    value.put(10, "a");
    value.put(2, "b");
    value.put(1.5, "c");
    value.put(true, "t");
    assertEquals("{\"true\": \"t\", \"1.5\": \"c\", \"2\": \"b\", \"10\": \"a\"}",
        PythonJson.dumps(value));
    Map<Object, Object> floats = new HashMap<>();
    floats.put(2.5e16, 1);
    floats.put(1.0, 2);
    assertEquals("{\"1.0\": 2, \"2.5e+16\": 1}", PythonJson.dumps(floats));
    Map<Object, Object> nullKey = new HashMap<>();
    nullKey.put(null, 1);
    assertEquals("{\"null\": 1}", PythonJson.dumps(nullKey));
  }

  @Test
  void jsonNodesEncodeLikeTheEquivalentJavaValues() throws Exception {
    JsonNode node = new ObjectMapper().readTree("{\"b\": [1, 2.5, \"é\", 1e400, 12345678901234567890],"
        + " \"a\": null, \"c\": {\"y\": true, \"x\": false}}");
    assertEquals("{\"a\": null, \"b\": [1, 2.5, \"\\u00e9\", Infinity, 12345678901234567890], "
        + "\"c\": {\"x\": false, \"y\": true}}", PythonJson.dumps(node));
  }

  @Test
  void whatPythonRejectsIsRejectedNamingThePath() {
    Map<String, Object> withSet = map("a", List.of(1, Set.of(1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PythonJson.dumps(withSet));
    assertTrue(e.getMessage().contains("$.a[1]") && e.getMessage().contains("Set"), e.getMessage());

    Map<Object, Object> mixed = new HashMap<>();
    mixed.put("a", 1);
    mixed.put(2, 2);
    e = assertThrows(IllegalArgumentException.class, () -> PythonJson.dumps(mixed));
    assertTrue(e.getMessage().contains("mix strings and numbers"), e.getMessage());

    Map<Object, Object> nullAmongOthers = new HashMap<>();
    nullAmongOthers.put(null, 1);
    nullAmongOthers.put(2, 2);
    assertThrows(IllegalArgumentException.class, () -> PythonJson.dumps(nullAmongOthers));

    Map<Object, Object> sameInPython = new HashMap<>();
    sameInPython.put(1, "int");
    sameInPython.put(1.0, "float");
    e = assertThrows(IllegalArgumentException.class, () -> PythonJson.dumps(sameInPython));
    assertTrue(e.getMessage().contains("same key"), e.getMessage());

    List<Object> self = new ArrayList<>();
    self.add(self);
    e = assertThrows(IllegalArgumentException.class, () -> PythonJson.dumps(self));
    assertTrue(e.getMessage().contains("circular"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> PythonJson.dumps(map("k", Thread.State.NEW)));
    assertTrue(e.getMessage().contains("$.k"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> PythonJson.dumps(JsonNodeFactory.instance.pojoNode(new Object())));
    assertTrue(e.getMessage().contains("$"), e.getMessage());
  }

  @Test
  void theSameObjectTwiceIsNotACycle() {
    List<Integer> shared = List.of(1);
    assertEquals("[[1], [1]]", PythonJson.dumps(Arrays.asList(shared, shared)));
  }

  @Test
  void insertionOrderDoesNotMatter() {
    Map<String, Object> a = map("x", 1, "y", 2);
    Map<String, Object> b = map("y", 2, "x", 1);
    assertArrayEquals(PythonJson.dumpsUtf8(a), PythonJson.dumpsUtf8(b));
    assertEquals(PythonJson.dumps(new TreeMap<>(a)), PythonJson.dumps(b));
  }

  /** Every finite double reads back as itself, and nothing shorter would. */
  @Test
  void randomDoublesRoundTripWithTheFewestDigits() {
    Random random = new Random(20261126L);
    for (int i = 0; i < 20_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (!Double.isFinite(d)) {
        continue;
      }
      String repr = PythonJson.floatRepr(d);
      assertEquals(d, Double.parseDouble(repr), repr);
      String digits = significantDigits(repr);
      if (digits.length() > 1) {
        BigDecimal shorter = new BigDecimal(Math.abs(d)).round(
            new java.math.MathContext(digits.length() - 1, java.math.RoundingMode.HALF_EVEN));
        BigDecimal shorterUp = new BigDecimal(Math.abs(d)).round(
            new java.math.MathContext(digits.length() - 1, java.math.RoundingMode.UP));
        BigDecimal shorterDown = new BigDecimal(Math.abs(d)).round(
            new java.math.MathContext(digits.length() - 1, java.math.RoundingMode.DOWN));
        for (BigDecimal s : List.of(shorter, shorterUp, shorterDown)) {
          assertTrue(Double.parseDouble(s.toString()) != Math.abs(d), repr + " is not shortest");
        }
      }
    }
  }

  private static String significantDigits(String repr) {
    String mantissa = repr.replace("-", "").split("e")[0].replace(".", "");
    return new BigInteger(mantissa).toString().replaceAll("0+$", "");
  }

  /** The output is valid JSON that parses back to the same value. */
  @Property(tries = 300)
  void outputParsesBackToTheSameValue(@ForAll Map<String, List<Integer>> ints,
      @ForAll List<String> strings, @ForAll double d) throws Exception {
    Map<String, Object> value = new HashMap<>();
    value.put("ints", ints);
    value.put("strings", strings);
    value.put("double", d);
    String text = PythonJson.dumps(value);
    assertTrue(text.chars().allMatch(c -> c < 128), text);
    JsonNode parsed = new ObjectMapper().enable(
        com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature())
        .readTree(text.getBytes(StandardCharsets.US_ASCII));
    assertEquals(new ObjectMapper().valueToTree(ints), parsed.get("ints"));
    assertEquals(new ObjectMapper().valueToTree(strings), parsed.get("strings"));
    assertEquals(Double.valueOf(d), parsed.get("double").doubleValue(), text);
  }
}
