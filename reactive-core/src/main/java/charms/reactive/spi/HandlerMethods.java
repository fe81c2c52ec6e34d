package charms.reactive.spi;

import charms.reactive.CollectMetrics;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.Hook;
import charms.reactive.MeterStatusChanged;
import charms.reactive.OnlyOnce;
import charms.reactive.Stable;
import charms.reactive.When;
import charms.reactive.WhenAll;
import charms.reactive.WhenAny;
import charms.reactive.WhenChanged;
import charms.reactive.WhenNone;
import charms.reactive.WhenNot;
import charms.reactive.WhenNotAll;
import charms.reactive.internal.handlers.HandlerIndex;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotated handler methods of a class, in registration order, for modules that read handlers
 * of their own (interface handlers of endpoints, for example): superclasses first; within a class
 * the source order the compile-time handler index recorded. A class with several handler methods
 * but no index (or an index that misses some of them) is an error that says how to enable the
 * processor: never a silent change of order, and never the JVM's unspecified reflection order. A
 * class with a single handler method needs no index (there is no order to lose); anonymous and
 * local classes, which the processor cannot index, may therefore hold one handler method each.
 */
public final class HandlerMethods {
  private static final Set<Class<? extends Annotation>> HANDLER_ANNOTATIONS = Set.of(When.class,
      WhenAll.class, WhenAny.class, WhenNot.class, WhenNone.class, WhenNotAll.class, Hook.class,
      OnlyOnce.class, CollectMetrics.class, MeterStatusChanged.class, WhenChanged.class, Stable.class);

  /** How to make javac run the processor; part of every missing-index error. */
  static final String HOW_TO_ENABLE = "Enable the annotation processor "
      + "charms.reactive.processor.HandlerIndexProcessor (in the reactive-core jar): with Maven, "
      + "list charms.reactive:reactive-core under maven-compiler-plugin's "
      + "<annotationProcessorPaths> (or set <proc>full</proc>); with javac, pass -processorpath "
      + "with the reactive-core jar and its dependencies (or -proc:full). javac 23 and later no "
      + "longer run processors found on the class path unless asked.";

  private HandlerMethods() {
  }

  private static HandlerDefinitionException missingIndex(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass()) {
      return new HandlerDefinitionException(type.getName() + " is an anonymous or local class with "
          + "several handler methods: their source order cannot be indexed at compile time; "
          + "declare them in a named (top-level or nested) class");
    }
    return new HandlerDefinitionException(type.getName() + " has handler methods but no handler "
        + "index (" + HandlerIndex.resourceName(type.getName()) + "), so their source order is "
        + "unknown: the annotation processor did not run when it was compiled. " + HOW_TO_ENABLE);
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
   * @throws HandlerDefinitionException naming the method if a handler method is overloaded, or
   *     naming the class if its handler index is missing or out of date
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
      if (byName.isEmpty()) {
        continue;
      }
      java.util.Optional<List<String>> found = HandlerIndex.read(c);
      if (found.isEmpty() && byName.size() == 1) {
        ordered.addAll(byName.values()); // one handler: there is no order to lose
        continue;
      }
      List<String> index = found.orElseThrow(() -> missingIndex(c));
      for (String name : index) {
        Method m = byName.remove(name);
        if (m != null) {
          ordered.add(m);
        }
      }
      if (!byName.isEmpty()) {
        throw new HandlerDefinitionException("the handler index of " + c.getName()
            + " does not list " + String.join(", ", new java.util.TreeSet<>(byName.keySet()))
            + ": it is out of date (the class was compiled again without the annotation "
            + "processor). " + HOW_TO_ENABLE);
      }
    }
    return ordered;
  }
}
