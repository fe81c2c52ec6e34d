package charms.reactive.bash.internal;

import charms.reactive.HookServices;
import charms.reactive.relations.Conversation;
import charms.reactive.relations.Endpoints;
import charms.reactive.relations.RelationBase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code relation_call} over reactive-relations: the endpoint (or relation base) of a relation
 * name or of a set flag, and one of its public methods called by name with the command line's
 * string arguments (converted to {@code int}, {@code long}, {@code double} or {@code boolean}
 * where the method wants them). Reaches endpoints too, which the original's could not. For a
 * relation base, {@code conversations} returns the conversations' scopes, as in the original.
 */
public final class EndpointRelationCalls implements RelationCalls {
  private final HookServices services;

  public EndpointRelationCalls(HookServices services) {
    this.services = services;
  }

  @Override
  public Object call(Optional<String> relationName, Optional<String> flag, String method, List<String> args) {
    if (!services.has(Endpoints.class)) {
      throw new IllegalStateException("relation_call needs the charm's relations: register "
          + "reactive-relations (Relations.discovered()) with the charm");
    }
    Endpoints endpoints = services.get(Endpoints.class);
    String what = relationName.orElseGet(flag::get);
    Object target = relationName.isPresent()
        ? endpoints.find(what).<Object>map(e -> e).orElseGet(() -> relationBase(endpoints, what))
        : endpoints.fromFlag(what).<Object>map(e -> e)
            .orElseGet(() -> endpoints.relationBaseFromFlag(what, RelationBase.class).orElse(null));
    if (target == null) {
      throw new IllegalArgumentException("Relation not found: " + what);
    }
    if (target instanceof RelationBase base && method.equals("conversations") && args.isEmpty()) {
      List<String> scopes = new ArrayList<>();
      for (Conversation c : base.conversations()) {
        scopes.add(c.scope());
      }
      return scopes;
    }
    return invoke(target, method, args);
  }

  private static Object relationBase(Endpoints endpoints, String name) {
    try {
      return endpoints.relationBase(name, RelationBase.class);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Object invoke(Object target, String name, List<String> args) {
    for (Method m : target.getClass().getMethods()) {
      if (!m.getName().equals(name) || m.getParameterCount() != args.size()
          || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Object[] values = new Object[args.size()];
      boolean fits = true;
      for (int i = 0; i < values.length && fits; i++) {
        values[i] = convert(args.get(i), m.getParameterTypes()[i]);
        fits = values[i] != null;
      }
      if (!fits) {
        continue;
      }
      try {
        return printable(m.invoke(target, values));
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot call " + name + " on " + target.getClass().getName(), e);
      }
    }
    throw new IllegalArgumentException(target.getClass().getSimpleName() + " has no public method " + name
        + " taking " + args.size() + " argument(s)");
  }

  private static Object convert(String text, Class<?> type) {
    try {
      if (type == String.class || type == Object.class || type == CharSequence.class) {
        return text;
      }
      if (type == int.class || type == Integer.class) {
        return Integer.valueOf(text);
      }
      if (type == long.class || type == Long.class) {
        return Long.valueOf(text);
      }
      if (type == double.class || type == Double.class) {
        return Double.valueOf(text);
      }
      if (type == boolean.class || type == Boolean.class) {
        return Commands.parseBoolean(text);
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  /** Results as the output formats know them: strings, booleans, numbers, lists, maps, null. */
  private static Object printable(Object result) {
    if (result == null || result instanceof String || result instanceof Boolean || result instanceof Number
        || result instanceof Map<?, ?> || result instanceof com.fasterxml.jackson.databind.JsonNode) {
      return result;
    }
    if (result instanceof Optional<?> o) {
      return printable(o.orElse(null));
    }
    if (result instanceof Collection<?> c) {
      List<Object> items = new ArrayList<>();
      c.forEach(item -> items.add(printable(item)));
      return items;
    }
    return result.toString();
  }
}
