package charms.reactive.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encodes values exactly as Python's {@code json.dumps(value, sort_keys=True)} does, byte for byte,
 * so that a Java charm produces the same JSON as the Python original: the same
 * {@code data_changed} hashes, and relation data that does not change (and so fire no
 * {@code -relation-changed} hook on the remote side) when a Python charm is replaced by a Java one.
 *
 * <p>The output is what Python's default encoder writes:
 * <ul>
 *   <li>separators {@code ", "} between items and {@code ": "} between a key and its value, no
 *       newlines ({@code indent=None});
 *   <li>object keys sorted as Python sorts them: strings by Unicode code point (not by UTF-16 unit,
 *       as {@link String#compareTo} would), numbers numerically;
 *   <li>{@code ensure_ascii}: every character outside {@code ' '..'~'} is escaped, as
 *       {@code \b \f \n \r \t} where Python has a short escape and otherwise as {@code \}{@code u}
 *       with four <em>lowercase</em> hex digits; characters beyond U+FFFF become a surrogate pair
 *       ({@code "é"} is {@code "\u00e9"}, {@code "😀"} is {@code "\ud83d\ude00"}); {@code "} and
 *       {@code \} are escaped, {@code /} is not;
 *   <li>floats as Python's {@code repr}: the shortest digits that read back as the same double,
 *       in fixed notation for decimal exponents from -4 up to 15 and scientific notation
 *       otherwise ({@code 2.5}, {@code 1.0}, {@code 1e+16}, {@code 1e-05},
 *       {@code 0.30000000000000004}); {@code NaN}, {@code Infinity} and {@code -Infinity} as
 *       Python writes them ({@code allow_nan=True});
 *   <li>integers in full, whatever their size.
 * </ul>
 *
 * <p>Java values map to Python's as follows. {@code null} is {@code None}; {@link Boolean} is
 * {@code bool}; {@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@link BigInteger},
 * {@link AtomicInteger} and {@link AtomicLong} are {@code int}; {@link Double} is {@code float};
 * {@link Float} is widened to the double it denotes ({@code 0.1f} is {@code 0.10000000149011612},
 * since Python has no 32-bit float); {@link BigDecimal} is the {@code float} nearest to it, which
 * is what Python holds after {@code json.loads} of that number. {@link CharSequence} and
 * {@link Character} are {@code str}. {@link Map} is {@code dict}, {@link List} and arrays (object or
 * primitive) are {@code list}. A Jackson {@link JsonNode} is encoded by the same rules (a
 * {@code DecimalNode} as a float). Map keys may be strings, or numbers and booleans (converted as
 * Python converts them: {@code 1} is {@code "1"}, {@code true} is {@code "true"}), or a single null
 * key ({@code "null"}).
 *
 * <p>What Python would reject is rejected with an {@link IllegalArgumentException} naming the
 * path of the offending value ({@code $.a[2]}): a type with no JSON form (a {@code Set}, whose order
 * is not defined either; an enum; any other object), a key of such a type, keys of mixed kinds
 * (string and number, or null beside others: Python cannot sort them), a non-finite float key
 * among several, and a value that contains itself. Convert other objects first (for example with
 * Jackson's {@code valueToTree}).
 *
 * <p>Stateless and thread-safe.
 */
public final class PythonJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int MAX_DEPTH = 1000;

  private PythonJson() {
  }

  /**
   * The text of {@code json.dumps(value, sort_keys=True)}; ASCII only.
   *
   * @throws IllegalArgumentException naming the path of a value Python could not encode
   */
  public static String dumps(Object value) {
    StringBuilder out = new StringBuilder();
    new Encoder(out).encode(value, "$", 0);
    return out.toString();
  }

  /**
   * The bytes Python hashes: {@code json.dumps(value, sort_keys=True).encode('utf8')} (all ASCII).
   *
   * @throws IllegalArgumentException naming the path of a value Python could not encode
   */
  public static byte[] dumpsUtf8(Object value) {
    return dumps(value).getBytes(StandardCharsets.US_ASCII);
  }

  /** Python's {@code repr(float)} of a double, as {@code json.dumps} writes it. */
  public static String floatRepr(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0";
    }
    BigDecimal shortest = shortestRoundTrip(Math.abs(value));
    String digits = shortest.unscaledValue().toString();
    int decimalPoint = digits.length() - shortest.scale();
    return (value < 0 ? "-" : "") + format(digits, decimalPoint);
  }

  /**
   * The decimal with the fewest significant digits that reads back as {@code value} (positive,
   * finite, non-zero), and of those the nearest to it; trailing zeros stripped.
   */
  private static BigDecimal shortestRoundTrip(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
      boolean downOk = Double.parseDouble(down.toString()) == value;
      boolean upOk = Double.parseDouble(up.toString()) == value;
      BigDecimal pick;
      if (downOk && upOk) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        pick = cmp < 0 ? down : cmp > 0 ? up
            : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      } else if (downOk) {
        pick = down;
      } else if (upOk) {
        pick = up;
      } else {
        continue;
      }
      return pick.stripTrailingZeros();
    }
    throw new AssertionError("17 significant digits always identify a double: " + value);
  }

  /**
   * Python's {@code format_float_short} for {@code repr}: {@code digits} are the significant
   * digits d1..dn and the value is 0.d1..dn times ten to the power {@code decimalPoint}.
   */
  private static String format(String digits, int decimalPoint) {
    int n = digits.length();
    if (decimalPoint <= -4 || decimalPoint > 16) {
      int exponent = decimalPoint - 1;
      StringBuilder s = new StringBuilder().append(digits.charAt(0));
      if (n > 1) {
        s.append('.').append(digits, 1, n);
      }
      s.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        s.append('0');
      }
      return s.append(abs).toString();
    }
    if (decimalPoint <= 0) {
      return "0." + "0".repeat(-decimalPoint) + digits;
    }
    if (decimalPoint >= n) {
      return digits + "0".repeat(decimalPoint - n) + ".0";
    }
    return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
  }

  /** Compares strings as Python compares {@code str}: by code point. */
  public static final Comparator<String> CODE_POINT_ORDER = PythonJson::compareCodePoints;

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** One encoding run; tracks the containers on the current path to reject cycles. */
  private static final class Encoder {
    private final StringBuilder out;
    private final Set<Object> path = Collections.newSetFromMap(new IdentityHashMap<>());

    Encoder(StringBuilder out) {
      this.out = out;
    }

    void encode(Object value, String where, int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("cannot encode " + where + " as JSON: nested deeper than "
            + MAX_DEPTH + " levels");
      }
      if (value == null) {
        out.append("null");
      } else if (value instanceof JsonNode node) {
        encodeNode(node, where, depth);
      } else if (value instanceof CharSequence || value instanceof Character) {
        string(value.toString());
      } else if (value instanceof Boolean b) {
        out.append(b ? "true" : "false");
      } else if (value instanceof Number number) {
        out.append(number(number, where));
      } else if (value instanceof Map<?, ?> map) {
        enter(map, where);
        encodeMap(map, where, depth);
        path.remove(map);
      } else if (value instanceof List<?> list) {
        enter(list, where);
        encodeItems(list.iterator(), where, depth);
        path.remove(list);
      } else if (value.getClass().isArray()) {
        enter(value, where);
        encodeItems(arrayItems(value), where, depth);
        path.remove(value);
      } else {
        throw unsupported(value, where);
      }
    }

    private void enter(Object container, String where) {
      if (!path.add(container)) {
        throw new IllegalArgumentException("cannot encode " + where
            + " as JSON: circular reference (the value contains itself)");
      }
    }

    private void encodeMap(Map<?, ?> map, String where, int depth) {
      List<Map.Entry<String, Object>> entries = sortedEntries(map, where);
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : entries) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        string(e.getKey());
        out.append(": ");
        encode(e.getValue(), where + "." + e.getKey(), depth + 1);
      }
      out.append('}');
    }

    private void encodeItems(Iterator<?> items, String where, int depth) {
      out.append('[');
      int index = 0;
      while (items.hasNext()) {
        if (index > 0) {
          out.append(", ");
        }
        encode(items.next(), where + "[" + index + "]", depth + 1);
        index++;
      }
      out.append(']');
    }

    private void encodeNode(JsonNode node, String where, int depth) {
      switch (node.getNodeType()) {
        case NULL -> out.append("null");
        case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
        case STRING -> string(node.textValue());
        case NUMBER -> out.append(node.isIntegralNumber() ? node.bigIntegerValue().toString()
            : floatRepr(node.doubleValue()));
        case ARRAY -> {
          out.append('[');
          for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
              out.append(", ");
            }
            encodeNode(node.get(i), where + "[" + i + "]", depth + 1);
          }
          out.append(']');
        }
        case OBJECT -> {
          List<String> keys = new ArrayList<>();
          node.fieldNames().forEachRemaining(keys::add);
          keys.sort(CODE_POINT_ORDER);
          out.append('{');
          for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
              out.append(", ");
            }
            string(keys.get(i));
            out.append(": ");
            encodeNode(node.get(keys.get(i)), where + "." + keys.get(i), depth + 1);
          }
          out.append('}');
        }
        default -> throw new IllegalArgumentException("cannot encode " + where + " as JSON: a "
            + node.getNodeType() + " node has no JSON text");
      }
    }

    /** Python's ensure_ascii string encoding. */
    private void string(String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          default -> {
            if (c >= ' ' && c <= '~') {
              out.append(c);
            } else {
              out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                  .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
          }
        }
      }
      out.append('"');
    }
  }

  private static String number(Number n, String where) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger || n instanceof AtomicInteger || n instanceof AtomicLong) {
      return n.toString();
    }
    if (n instanceof Double || n instanceof Float) {
      return floatRepr(n.doubleValue());
    }
    if (n instanceof BigDecimal d) {
      return floatRepr(d.doubleValue());
    }
    throw unsupported(n, where);
  }

  private static IllegalArgumentException unsupported(Object value, String where) {
    String hint = value instanceof Set<?> ? " (a Set has no defined order: pass a List)"
        : value instanceof Enum<?> ? " (pass its name or another JSON value)"
        : " (convert it to a Map, List, String, number, boolean or JsonNode first)";
    return new IllegalArgumentException("cannot encode " + where + " as JSON: "
        + value.getClass().getName() + " is not a JSON type" + hint);
  }

  private static Iterator<Object> arrayItems(Object array) {
    int length = java.lang.reflect.Array.getLength(array);
    List<Object> items = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      items.add(java.lang.reflect.Array.get(array, i));
    }
    return items.iterator();
  }

  /** A map's entries with keys converted to strings, in Python's {@code sorted(dict.items())} order. */
  private static List<Map.Entry<String, Object>> sortedEntries(Map<?, ?> map, String where) {
    List<Key> keys = new ArrayList<>(map.size());
    Object firstKind = null;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Key key = Key.of(e.getKey(), e.getValue(), where);
      if (map.size() > 1) {
        if (key.kind == KeyKind.NONE) {
          throw new IllegalArgumentException("cannot encode " + where
              + " as JSON: a null key cannot be sorted among other keys (Python raises TypeError)");
        }
        if (firstKind != null && firstKind != key.kind) {
          throw new IllegalArgumentException("cannot encode " + where
              + " as JSON: its keys mix strings and numbers, which Python cannot sort");
        }
        if (key.kind == KeyKind.NUMBER && key.number == null) {
          throw new IllegalArgumentException("cannot encode " + where
              + " as JSON: a non-finite float key cannot be sorted among other keys");
        }
      }
      firstKind = key.kind;
      keys.add(key);
    }
    Comparator<Key> order = firstKind == KeyKind.STRING
        ? (a, b) -> compareCodePoints(a.text, b.text) : (a, b) -> a.number.compareTo(b.number);
    if (keys.size() > 1) {
      keys.sort(order);
      for (int i = 1; i < keys.size(); i++) {
        if (order.compare(keys.get(i - 1), keys.get(i)) == 0) {
          throw new IllegalArgumentException("cannot encode " + where + " as JSON: two keys are "
              + "the same key in Python (" + keys.get(i - 1).text + ", " + keys.get(i).text + ")");
        }
      }
    }
    List<Map.Entry<String, Object>> entries = new ArrayList<>(keys.size());
    for (Key k : keys) {
      entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(k.text, k.value));
    }
    return entries;
  }

  private enum KeyKind { STRING, NUMBER, NONE }

  /** A key converted as Python converts dict keys, with what it sorts by. */
  private record Key(KeyKind kind, String text, BigDecimal number, Object value) {

    static Key of(Object key, Object value, String where) {
      if (key instanceof CharSequence || key instanceof Character) {
        return new Key(KeyKind.STRING, key.toString(), null, value);
      }
      if (key == null) {
        return new Key(KeyKind.NONE, "null", null, value);
      }
      if (key instanceof Boolean b) {
        return new Key(KeyKind.NUMBER, b ? "true" : "false", b ? BigDecimal.ONE : BigDecimal.ZERO,
            value);
      }
      if (key instanceof Number n) {
        String text = PythonJson.number(n, where + " (a key)");
        BigDecimal exact;
        if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
          double d = n.doubleValue();
          exact = Double.isFinite(d) ? new BigDecimal(d) : null;
        } else {
          exact = new BigDecimal(text);
        }
        return new Key(KeyKind.NUMBER, text, exact, value);
      }
      throw new IllegalArgumentException("cannot encode " + where + " as JSON: a key of type "
          + key.getClass().getName() + " (Python accepts str, int, float, bool or None keys)");
    }
  }
}
