package charms.reactive.fs.internal;

import charms.reactive.spi.PythonJson;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import com.hubspot.jinjava.util.HasObjectTruthValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How Jinja2 turns a value into text: Python's {@code str()} ({@code True}, {@code None},
 * {@code 1.0}, {@code 2.5e+16}) and, inside lists and mappings, {@code repr()}
 * ({@code ['a', 'b']}, {@code {'k': 1}}). A context value that is null is carried as
 * {@link #NONE}, so it prints {@code None} and is falsy, as Python's None, instead of being taken
 * for an undefined name. Stateless and thread-safe.
 */
final class PythonValues {
  /** Python's None inside a template context. */
  static final Object NONE = PyNone.INSTANCE;

  private PythonValues() {
  }

  /** Python's {@code str(value)}; anything that is not a Python-like value is left to Jinjava. */
  static String str(Object value, JinjavaInterpreter interpreter) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Character c) {
      return c.toString();
    }
    String python = repr(value, interpreter);
    return python != null ? python : interpreter.getAsString(value);
  }

  /** Python's {@code repr(value)}, or null if the value has no Python equivalent. */
  private static String repr(Object value, JinjavaInterpreter interpreter) {
    if (value == null || value == NONE) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof String s) {
      return stringRepr(s);
    }
    if (value instanceof Double || value instanceof Float) {
      return floatRepr(((Number) value).doubleValue());
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal d) {
      return floatRepr(d.doubleValue());
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      map.forEach((k, v) -> {
        if (out.length() > 1) {
          out.append(", ");
        }
        out.append(element(k, interpreter)).append(": ").append(element(v, interpreter));
      });
      return out.append('}').toString();
    }
    if (value instanceof Collection<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (Object v : list) {
        if (out.length() > 1) {
          out.append(", ");
        }
        out.append(element(v, interpreter));
      }
      return out.append(']').toString();
    }
    return null;
  }

  private static String element(Object value, JinjavaInterpreter interpreter) {
    String python = repr(value, interpreter);
    return python != null ? python : stringRepr(interpreter.getAsString(value));
  }

  /** Python's {@code repr(float)}: shortest round-trip digits, exponent from 1e16 and below 1e-4. */
  static String floatRepr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return PythonJson.floatRepr(value);
  }

  /** Python's {@code repr(str)}: single quotes unless the text holds one and no double quote. */
  static String stringRepr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\').appendCodePoint(c);
          } else if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.append(quote).toString();
  }

  /** The value with {@link #NONE} turned back into null, at any depth (for JSON encoding). */
  static Object withNulls(Object value) {
    if (value == NONE) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, withNulls(v)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(withNulls(v)));
      return copy;
    }
    return value;
  }

  /** Python's None: falsy, printed {@code None}. */
  enum PyNone implements HasObjectTruthValue, PyishSerializable {
    INSTANCE;

    @Override
    public <T extends Appendable & CharSequence> T appendPyishString(T appendable)
        throws java.io.IOException {
      appendable.append("None");
      return appendable;
    }

    @Override
    public boolean getObjectTruthValue() {
      return false;
    }

    @Override
    public String toString() {
      return "None";
    }
  }
}
