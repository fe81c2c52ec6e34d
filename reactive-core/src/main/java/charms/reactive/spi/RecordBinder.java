package charms.reactive.spi;

import charms.reactive.ReactiveException;
import charms.reactive.internal.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Binds named JSON values (config options, leader settings, relation data) to the components of a
 * record, each value converted by Jackson to the component's type: the one binding behind
 * {@code CharmConfig.as}, {@code LeaderData.as} and reactive-relations' {@code JsonDataView.as}.
 *
 * <p>A component's key is its {@link JsonProperty} name if it has one, else the first of its name,
 * its name in kebab case ({@code adminPass} → {@code admin-pass}) and in snake case
 * ({@code admin_pass}) that {@code known} holds. A missing value binds to {@code null} or
 * {@link Optional#empty()}; into a primitive it is an error naming the key. A value Jackson cannot
 * convert is an error naming the key and the component, never quoting the value (it may be a
 * secret).
 */
public final class RecordBinder {
  /** How a key is found and checked: what the values are called in messages, and which exist. */
  public interface Keys {
    /** "config option", "leader setting". */
    String what();

    /** The keys a component may name; null if any key may be named (missing ones are absent). */
    Set<String> declared();

    /** The key among a component's candidate names when nothing is declared: by default the first. */
    default String keyFor(Set<String> candidates) {
      return candidates.iterator().next();
    }

    /** Checks a component's Java type against what the key declares; returns an error or null. */
    default String typeError(String key, Class<?> javaType) {
      return null;
    }

    /**
     * Keys that nothing declares (leader settings, relation data): a component binds to the first
     * of its candidate names that {@code present} holds, or to its first candidate if none is.
     */
    static Keys undeclared(String what, Predicate<String> present) {
      return new Keys() {
        @Override
        public String what() {
          return what;
        }

        @Override
        public Set<String> declared() {
          return null;
        }

        @Override
        public String keyFor(Set<String> candidates) {
          return candidates.stream().filter(present).findFirst()
              .orElse(candidates.iterator().next());
        }
      };
    }
  }

  private RecordBinder() {
  }

  /**
   * A new instance of {@code type} with each component bound to the value of its key.
   *
   * @param values the value of a key, or null if it has none
   * @throws ReactiveException naming the key and the component if a key is not declared, a type
   *     does not fit, a value does not convert or a primitive component has no value
   * @throws IllegalArgumentException if {@code type} is not a record class
   */
  public static <T extends Record> T bind(Class<T> type, Keys keys, Function<String, JsonNode> values) {
    if (type == null || !type.isRecord()) {
      throw new IllegalArgumentException("not a record class: " + type);
    }
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      String where = type.getSimpleName() + "." + c.getName();
      String key = keyOf(c, keys, where);
      boolean optional = c.getType() == Optional.class;
      Type valueType = optional ? optionalArgument(c, where) : c.getGenericType();
      Class<?> rawValueType = Json.mapper().getTypeFactory().constructType(valueType).getRawClass();
      String typeError = keys.typeError(key, rawValueType);
      if (typeError != null) {
        throw new ReactiveException(keys.what() + " '" + key + "' " + typeError + ", but " + where
            + " is " + (optional ? "Optional<" + rawValueType.getSimpleName() + ">"
            : rawValueType.getSimpleName()));
      }
      JsonNode value = values.apply(key);
      boolean absent = value == null || value.isNull() || value.isMissingNode();
      if (absent && c.getType().isPrimitive()) {
        throw new ReactiveException(keys.what() + " '" + key + "' has no value, but " + where
            + " is a primitive " + c.getType().getName() + ": make it "
            + boxed(c.getType()).getSimpleName() + " or Optional<" + boxed(c.getType()).getSimpleName() + ">");
      }
      Object converted = absent ? null : convert(value, Json.mapper().getTypeFactory().constructType(valueType),
          keys.what() + " '" + key + "'", where);
      args[i] = optional ? Optional.ofNullable(converted) : converted;
    }
    try {
      Constructor<T> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new ReactiveException("the " + type.getSimpleName() + " record rejected the "
          + keys.what() + "s: " + cause.getMessage(), cause);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ReactiveException("cannot create " + type.getName() + ": " + e, e);
    }
  }

  private static String keyOf(RecordComponent c, Keys keys, String where) {
    JsonProperty property = c.getAnnotation(JsonProperty.class);
    if (property == null) {
      try {
        property = c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(JsonProperty.class);
      } catch (NoSuchFieldException e) {
        property = null;
      }
    }
    Set<String> declared = keys.declared();
    if (property != null && !property.value().isEmpty()) {
      if (declared != null && !declared.contains(property.value())) {
        throw new ReactiveException(where + " names " + keys.what() + " '" + property.value()
            + "', which is not declared; declared: " + String.join(", ", declared));
      }
      return property.value();
    }
    Set<String> candidates = new LinkedHashSet<>(List.of(c.getName(), separated(c.getName(), '-'),
        separated(c.getName(), '_')));
    if (declared == null) {
      return keys.keyFor(candidates);
    }
    for (String candidate : candidates) {
      if (declared.contains(candidate)) {
        return candidate;
      }
    }
    throw new ReactiveException(where + " matches no " + keys.what() + " (tried "
        + String.join(", ", candidates) + "); declared: "
        + (declared.isEmpty() ? "none" : String.join(", ", declared)));
  }

  /** {@code adminPass} as {@code admin-pass} (or {@code admin_pass}). */
  static String separated(String camel, char separator) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch) && i > 0) {
        out.append(separator);
      }
      out.append(Character.toLowerCase(ch));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static Type optionalArgument(RecordComponent c, String where) {
    if (c.getGenericType() instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[0];
    }
    throw new ReactiveException(where + " is a raw Optional: say what it holds");
  }

  private static Object convert(JsonNode value, JavaType type, String what, String where) {
    try {
      return Json.mapper().convertValue(value, type);
    } catch (IllegalArgumentException e) {
      throw new ReactiveException(what + " cannot be read as " + type.getRawClass().getSimpleName()
          + " for " + where + " (a " + value.getNodeType().name().toLowerCase(Locale.ROOT)
          + " value)");
    }
  }

  /** The box of a primitive type, or the type itself. */
  public static Class<?> boxed(Class<?> primitive) {
    return Map.<Class<?>, Class<?>>of(int.class, Integer.class, long.class, Long.class,
        double.class, Double.class, float.class, Float.class, boolean.class, Boolean.class,
        short.class, Short.class, byte.class, Byte.class, char.class, Character.class)
        .getOrDefault(primitive, primitive);
  }

}
