package charms.reactive.testing.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as Go's {@code json.Marshal} writes it: compact, map keys sorted ({@link GoStruct} keys in
 * their order), {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 escaped, floats without a trailing {@code .0}, null as
 * {@code null}. Values are Java maps, lists, strings, numbers, booleans and null.
 */
public final class GoJson {
  private GoJson() {
  }

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Double || value instanceof Float) {
      out.append(formatFloat(((Number) value).doubleValue()));
    } else if (value instanceof Number n) {
      out.append(n);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : (map instanceof GoStruct ? map : new TreeMap<>(map)).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else {
      string(value.toString(), out);
    }
  }

  /** Go's float encoding: {@code 'f'} format in [1e-6, 1e21), else {@code 'e'}. */
  static String formatFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("json: unsupported value: " + d);
    }
    double abs = Math.abs(d);
    if (abs == 0 || (abs >= 1e-6 && abs < 1e21)) {
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    String s = String.format("%e", d);
    BigDecimal mantissa = new BigDecimal(s.substring(0, s.indexOf('e'))).stripTrailingZeros();
    int exp = Integer.parseInt(s.substring(s.indexOf('e') + 1));
    return mantissa.toPlainString() + "e" + (exp < 0 ? "-" : "+") + String.format("%02d",
        Math.abs(exp));
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
