package charms.reactive.internal.handlers;

import charms.reactive.CharmMetadata;
import charms.reactive.CollectMetrics;
import charms.reactive.Condition;
import charms.reactive.ConditionAnnotation;
import charms.reactive.ConditionFactory;
import charms.reactive.Flags;
import charms.reactive.Handler;
import charms.reactive.HandlerContext;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.HandlerId;
import charms.reactive.HandlerMethods;
import charms.reactive.Hook;
import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.KeyValueStore;
import charms.reactive.MeterStatusChanged;
import charms.reactive.NotUnless;
import charms.reactive.OnlyOnce;
import charms.reactive.ParameterResolver;
import charms.reactive.When;
import charms.reactive.WhenAll;
import charms.reactive.WhenAny;
import charms.reactive.WhenNone;
import charms.reactive.WhenNot;
import charms.reactive.WhenNotAll;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Turns the annotated methods of a charm object into {@link Handler}s.
 *
 * <p>Order: the source order recorded by the compile-time handler index ({@link
 * charms.reactive.HandlerMethods}: a missing index is an error). Ids:
 * {@code <binary class name>.<method>} unless {@link HandlerId} says otherwise. Parameters are
 * injected by type; a parameter nothing can supply is rejected here, when the charm is built.
 */
public final class AnnotatedHandlers {
  private AnnotatedHandlers() {
  }

  /** The handlers declared by {@code target}'s class (and superclasses), in order. */
  public static List<Handler> read(Object target, List<ParameterResolver> resolvers,
      Set<Class<?>> serviceTypes) {
    Class<?> type = target instanceof Class<?> c ? c : target.getClass();
    Object instance = target instanceof Class<?> ? null : target;
    List<Handler> handlers = new ArrayList<>();
    for (Method method : HandlerMethods.of(type)) {
      handlers.add(toHandler(instance, method, resolvers, serviceTypes));
    }
    return handlers;
  }

  private static Handler toHandler(Object instance, Method method, List<ParameterResolver> resolvers,
      Set<Class<?>> serviceTypes) {
    HandlerId explicit = method.getAnnotation(HandlerId.class);
    String id = explicit != null ? explicit.value()
        : method.getDeclaringClass().getName() + "." + method.getName();
    if (instance == null && !Modifier.isStatic(method.getModifiers())) {
      throw new HandlerDefinitionException("handler " + id
          + " is an instance method; register an instance of its class, not the class");
    }
    Handler.Builder builder = Handler.named(id);
    for (Condition c : conditionsOf(method, id)) {
      builder.condition(c);
    }
    NotUnless notUnless = method.getAnnotation(NotUnless.class);
    if (notUnless != null) {
      builder.notUnless(notUnless.value());
    }
    List<BiFunction<Parameter, HandlerContext, Object>> suppliers = new ArrayList<>();
    for (Parameter p : method.getParameters()) {
      suppliers.add(supplierFor(id, p, resolvers, serviceTypes));
    }
    Class<?> returns = method.getReturnType();
    if (returns != void.class && !Publisher.class.isAssignableFrom(returns)
        && !CompletionStage.class.isAssignableFrom(returns)) {
      throw new HandlerDefinitionException("handler " + id + " returns " + returns.getName()
          + "; a handler returns void, a Publisher (Mono, Flux) or a CompletionStage");
    }
    method.setAccessible(true);
    Parameter[] parameters = method.getParameters();
    return builder.run(ctx -> {
      Object[] args = new Object[parameters.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = suppliers.get(i).apply(parameters[i], ctx);
      }
      return HandlerMethods.invoke(method, instance, args);
    });
  }

  private static List<Condition> conditionsOf(Method method, String id) {
    List<Condition> conditions = new ArrayList<>();
    Hook hook = method.getAnnotation(Hook.class);
    if (hook != null) {
      conditions.add(charms.reactive.Conditions.hook(hook.value()));
    }
    When when = method.getAnnotation(When.class);
    if (when != null) {
      conditions.add(charms.reactive.Conditions.when(when.value()));
    }
    WhenAll whenAll = method.getAnnotation(WhenAll.class);
    if (whenAll != null) {
      conditions.add(charms.reactive.Conditions.whenAll(whenAll.value()));
    }
    WhenAny whenAny = method.getAnnotation(WhenAny.class);
    if (whenAny != null) {
      conditions.add(charms.reactive.Conditions.whenAny(whenAny.value()));
    }
    WhenNot whenNot = method.getAnnotation(WhenNot.class);
    if (whenNot != null) {
      conditions.add(charms.reactive.Conditions.whenNot(whenNot.value()));
    }
    WhenNone whenNone = method.getAnnotation(WhenNone.class);
    if (whenNone != null) {
      conditions.add(charms.reactive.Conditions.whenNone(whenNone.value()));
    }
    WhenNotAll whenNotAll = method.getAnnotation(WhenNotAll.class);
    if (whenNotAll != null) {
      conditions.add(charms.reactive.Conditions.whenNotAll(whenNotAll.value()));
    }
    if (method.isAnnotationPresent(OnlyOnce.class)) {
      conditions.add(charms.reactive.Conditions.onlyOnce());
    }
    if (method.isAnnotationPresent(CollectMetrics.class)) {
      conditions.add(charms.reactive.Conditions.collectMetrics());
    }
    if (method.isAnnotationPresent(MeterStatusChanged.class)) {
      conditions.add(charms.reactive.Conditions.meterStatusChanged());
    }
    for (Annotation a : method.getAnnotations()) {
      ConditionAnnotation marker = a.annotationType().getAnnotation(ConditionAnnotation.class);
      if (marker != null) {
        conditions.add(fromFactory(marker, a, id));
      }
    }
    return conditions;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Condition fromFactory(ConditionAnnotation marker, Annotation annotation, String id) {
    try {
      ConditionFactory factory = marker.value().getDeclaredConstructor().newInstance();
      return factory.create(annotation);
    } catch (ReflectiveOperationException e) {
      throw new HandlerDefinitionException("handler " + id + ": cannot create the condition of @"
          + annotation.annotationType().getSimpleName() + " with " + marker.value().getName()
          + ": " + e);
    }
  }

  private static BiFunction<Parameter, HandlerContext, Object> supplierFor(String id, Parameter p,
      List<ParameterResolver> resolvers, Set<Class<?>> serviceTypes) {
    Class<?> type = p.getType();
    if (type == HandlerContext.class || type == HookContext.class) {
      return (param, ctx) -> ctx;
    }
    if (type == Flags.class) {
      return (param, ctx) -> ctx.flags();
    }
    if (type == KeyValueStore.class) {
      return (param, ctx) -> ctx.data();
    }
    if (type == HookEnvironment.class) {
      return (param, ctx) -> ctx.environment();
    }
    if (type == HookLog.class) {
      return (param, ctx) -> ctx.log();
    }
    if (type == CharmMetadata.class) {
      return (param, ctx) -> ctx.metadata();
    }
    for (ParameterResolver r : resolvers) {
      if (r.supports(p)) {
        return r::resolve;
      }
    }
    if (serviceTypes.contains(type)) {
      return (param, ctx) -> ctx.service(type);
    }
    throw new HandlerDefinitionException("handler " + id + ": nothing can supply parameter '"
        + p.getName() + "' of type " + type.getName()
        + " (register a service or a ParameterResolver for it)");
  }
}
