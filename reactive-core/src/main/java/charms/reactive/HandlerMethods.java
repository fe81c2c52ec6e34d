package charms.reactive;

import charms.reactive.internal.handlers.HandlerIndex;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The annotated handler methods of a class, in registration order, for modules that read handlers
 * of their own (interface handlers of endpoints, for example): superclasses first; within a class
 * the source order the compile-time handler index recorded, otherwise method names sorted, never
 * the JVM's unspecified reflection order.
 */
public final class HandlerMethods {
  private static final Set<Class<? extends Annotation>> HANDLER_ANNOTATIONS = Set.of(When.class,
      WhenAll.class, WhenAny.class, WhenNot.class, WhenNone.class, WhenNotAll.class, Hook.class,
      OnlyOnce.class, CollectMetrics.class, MeterStatusChanged.class);

  private HandlerMethods() {
  }

  /** Whether {@code annotation} makes a method a handler (a framework or condition annotation). */
  public static boolean isHandlerAnnotation(Annotation annotation) {
    return HANDLER_ANNOTATIONS.contains(annotation.annotationType())
        || annotation.annotationType().isAnnotationPresent(ConditionAnnotation.class);
  }

  /** Whether {@code method} carries a handler annotation. */
  public static boolean isHandler(Method method) {
    for (Annotation a : method.getAnnotations()) {
      if (isHandlerAnnotation(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Invokes a handler method and returns its work as a publisher: a {@code Publisher} as it is, a
   * {@code CompletionStage} as a {@code Mono}, null for a void method. The method's own exception
   * is rethrown unwrapped.
   */
  public static org.reactivestreams.Publisher<?> invoke(Method method, Object target, Object[] args)
      throws Exception {
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw (Error) cause;
    }
    if (result instanceof java.util.concurrent.CompletionStage<?> stage) {
      return reactor.core.publisher.Mono.fromCompletionStage(stage);
    }
    return (org.reactivestreams.Publisher<?>) result;
  }

  /**
   * The handler methods of {@code type} and its superclasses, in registration order.
   *
   * @throws HandlerDefinitionException naming the method if a handler method is overloaded
   */
  public static List<Method> of(Class<?> type) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    List<Method> ordered = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      Map<String, Method> byName = new LinkedHashMap<>();
      for (Method m : c.getDeclaredMethods()) {
        if (m.isSynthetic() || m.isBridge() || !isHandler(m)) {
          continue;
        }
        if (byName.put(m.getName(), m) != null) {
          throw new HandlerDefinitionException("handler methods must have unique names: "
              + c.getName() + "." + m.getName() + " is overloaded");
        }
      }
      Optional<List<String>> index = HandlerIndex.read(c);
      if (index.isPresent()) {
        for (String name : index.get()) {
          Method m = byName.remove(name);
          if (m != null) {
            ordered.add(m);
          }
        }
      }
      List<Method> rest = new ArrayList<>(byName.values());
      rest.sort(Comparator.comparing(Method::getName));
      ordered.addAll(rest);
    }
    return ordered;
  }
}
