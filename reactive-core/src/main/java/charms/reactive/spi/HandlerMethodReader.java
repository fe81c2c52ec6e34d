package charms.reactive.spi;

import charms.reactive.CharmMetadata;
import charms.reactive.CollectMetrics;
import charms.reactive.Condition;
import charms.reactive.Conditions;
import charms.reactive.Flags;
import charms.reactive.Handler;
import charms.reactive.HandlerContext;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.HandlerId;
import charms.reactive.Hook;
import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.HookServices;
import charms.reactive.InvalidFlagException;
import charms.reactive.KeyValueStore;
import charms.reactive.MeterStatusChanged;
import charms.reactive.NotUnless;
import charms.reactive.OnlyOnce;
import charms.reactive.Stable;
import charms.reactive.When;
import charms.reactive.WhenAll;
import charms.reactive.WhenAny;
import charms.reactive.WhenChanged;
import charms.reactive.WhenNone;
import charms.reactive.WhenNot;
import charms.reactive.WhenNotAll;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;

/**
 * The one reader of annotated handler methods, for a charm's own handlers and for handlers other
 * modules declare (an endpoint's interface handlers, for example): it maps the handler
 * annotations to {@link Condition}s, {@link NotUnless} to its check, and each parameter to what
 * supplies it (the framework's own types, then the charm's {@link ParameterResolver}s in
 * registration order, then its services).
 *
 * <p>A charm makes one reader when it is built, with every resolver registered on its builder,
 * and offers it to its hooks as a service of this type, so a {@link HandlerProvider} that reads
 * handlers of its own does {@code context.service(HandlerMethodReader.class)} and gets the same
 * conditions and the same parameter injection as the charm's handlers.
 *
 * <p>Flags and hook patterns pass through a {@link Placeholders} before they become conditions:
 * the hook for a module whose handlers are templates (an interface handler's
 * {@code {endpoint_name}}). The charm's own handlers use {@link Placeholders#NONE}.
 *
 * <p>Immutable and thread-safe; the handlers it makes are those of {@link Handler}.
 */
public final class HandlerMethodReader {

  /**
   * Expands the placeholders of a handler template: applied to every flag of the condition
   * annotations and of {@link NotUnless}, and to every {@link Hook} pattern, before they are
   * checked. Must be a pure function of its argument.
   */
  public interface Placeholders {
    /** Leaves everything as written. */
    Placeholders NONE = text -> text;

    /** The flag as the handler should test it. */
    String flag(String flag);

    /** The hook pattern as the handler should match it; by default as {@link #flag}. */
    default String hookPattern(String pattern) {
      return flag(pattern);
    }
  }

  private final List<ParameterResolver> resolvers;
  private final Predicate<Class<?>> services;

  /**
   * A reader injecting with {@code resolvers} (asked in order) and then the services for which
   * {@code services} holds.
   */
  public HandlerMethodReader(List<ParameterResolver> resolvers, Predicate<Class<?>> services) {
    this.resolvers = List.copyOf(resolvers);
    this.services = Objects.requireNonNull(services, "services");
  }

  /** The same reader, taking its services from one hook's (which may add or override some). */
  public HandlerMethodReader forHook(HookServices hookServices) {
    return new HandlerMethodReader(resolvers, hookServices::has);
  }

  /**
   * The handlers declared by {@code target}'s class (or, for a {@code Class}, its static ones) and
   * its superclasses, in {@link HandlerMethods#of} order, with ids from {@link #idOf}.
   *
   * @throws HandlerDefinitionException naming the handler if one is malformed
   */
  public List<Handler> handlers(Object target) {
    Class<?> type = target instanceof Class<?> c ? c : target.getClass();
    Object instance = target instanceof Class<?> ? null : target;
    List<Handler> handlers = new ArrayList<>();
    for (Method method : HandlerMethods.of(type)) {
      String id = idOf(method);
      if (instance == null && !Modifier.isStatic(method.getModifiers())) {
        throw new HandlerDefinitionException("handler " + id
            + " is an instance method; register an instance of its class, not the class");
      }
      handlers.add(handler(method, instance, id, Placeholders.NONE));
    }
    return handlers;
  }

  /**
   * The handler {@code method} declares, invoked on {@code instance} (null for a static method).
   *
   * @throws HandlerDefinitionException naming {@code id} if the method returns something other
   *     than void, a Publisher or a CompletionStage, or a parameter cannot be supplied
   * @throws InvalidFlagException if an (expanded) flag is invalid
   */
  public Handler handler(Method method, Object instance, String id, Placeholders placeholders) {
    checkReturnType(method, id);
    Handler.Builder builder = Handler.named(id);
    conditions(method, id, placeholders).forEach(builder::condition);
    NotUnless notUnless = method.getAnnotation(NotUnless.class);
    if (notUnless != null) {
      builder.notUnless(expand(notUnless.value(), placeholders));
    }
    stable(method, builder);
    Parameter[] parameters = method.getParameters();
    List<BiFunction<Parameter, HandlerContext, Object>> suppliers = new ArrayList<>();
    for (Parameter p : parameters) {
      suppliers.add(supplierFor(id, p));
    }
    method.setAccessible(true);
    return builder.run(ctx -> {
      Object[] args = new Object[parameters.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = suppliers.get(i).apply(parameters[i], ctx);
      }
      return HandlerMethods.invoke(method, instance, args);
    });
  }

  /** {@code <binary class name>.<method>}, or the method's {@link HandlerId}. */
  public static String idOf(Method method) {
    HandlerId explicit = method.getAnnotation(HandlerId.class);
    return explicit != null ? explicit.value()
        : method.getDeclaringClass().getName() + "." + method.getName();
  }

  /**
   * Checks what a handler template declares (its return type, its conditions and its
   * {@link NotUnless} once expanded) without needing a charm: for modules that read templates
   * when they are built and make the handlers per hook.
   *
   * @throws HandlerDefinitionException or {@link InvalidFlagException} naming what is wrong
   */
  public static void check(Method method, String id, Placeholders placeholders) {
    checkReturnType(method, id);
    conditions(method, id, placeholders);
    NotUnless notUnless = method.getAnnotation(NotUnless.class);
    if (notUnless != null) {
      Handler.named(id).notUnless(expand(notUnless.value(), placeholders));
    }
    stable(method, Handler.named(id));
  }

  private static void stable(Method method, Handler.Builder builder) {
    Stable stable = method.getAnnotation(Stable.class);
    if (stable == null) {
      return;
    }
    builder.stable(stable.value());
    if (stable.inputs().length > 0) {
      builder.inputs(stable.inputs());
    }
  }

  private static void checkReturnType(Method method, String id) {
    Class<?> returns = method.getReturnType();
    if (returns != void.class && !Publisher.class.isAssignableFrom(returns)
        && !CompletionStage.class.isAssignableFrom(returns)) {
      throw new HandlerDefinitionException("handler " + id + " returns " + returns.getName()
          + "; a handler returns void, a Publisher (Mono, Flux) or a CompletionStage");
    }
  }

  private static String[] expand(String[] flags, Placeholders placeholders) {
    String[] out = new String[flags.length];
    for (int i = 0; i < flags.length; i++) {
      out[i] = placeholders.flag(flags[i]);
    }
    return out;
  }

  private static List<Condition> conditions(Method method, String id, Placeholders p) {
    List<Condition> conditions = new ArrayList<>();
    Hook hook = method.getAnnotation(Hook.class);
    if (hook != null) {
      String[] patterns = new String[hook.value().length];
      for (int i = 0; i < patterns.length; i++) {
        patterns[i] = p.hookPattern(hook.value()[i]);
      }
      conditions.add(Conditions.hook(patterns));
    }
    When when = method.getAnnotation(When.class);
    if (when != null) {
      conditions.add(Conditions.when(expand(when.value(), p)));
    }
    WhenAll whenAll = method.getAnnotation(WhenAll.class);
    if (whenAll != null) {
      conditions.add(Conditions.whenAll(expand(whenAll.value(), p)));
    }
    WhenAny whenAny = method.getAnnotation(WhenAny.class);
    if (whenAny != null) {
      conditions.add(Conditions.whenAny(expand(whenAny.value(), p)));
    }
    WhenNot whenNot = method.getAnnotation(WhenNot.class);
    if (whenNot != null) {
      conditions.add(Conditions.whenNot(expand(whenNot.value(), p)));
    }
    WhenNone whenNone = method.getAnnotation(WhenNone.class);
    if (whenNone != null) {
      conditions.add(Conditions.whenNone(expand(whenNone.value(), p)));
    }
    WhenNotAll whenNotAll = method.getAnnotation(WhenNotAll.class);
    if (whenNotAll != null) {
      conditions.add(Conditions.whenNotAll(expand(whenNotAll.value(), p)));
    }
    WhenChanged whenChanged = method.getAnnotation(WhenChanged.class);
    if (whenChanged != null) {
      conditions.add(Conditions.whenChanged(whenChanged.value()));
    }
    if (method.isAnnotationPresent(OnlyOnce.class)) {
      conditions.add(Conditions.onlyOnce());
    }
    if (method.isAnnotationPresent(CollectMetrics.class)) {
      conditions.add(Conditions.collectMetrics());
    }
    if (method.isAnnotationPresent(MeterStatusChanged.class)) {
      conditions.add(Conditions.meterStatusChanged());
    }
    for (java.lang.annotation.Annotation a : method.getAnnotations()) {
      ConditionAnnotation marker = a.annotationType().getAnnotation(ConditionAnnotation.class);
      if (marker != null) {
        conditions.add(fromFactory(marker, a, id));
      }
    }
    return conditions;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Condition fromFactory(ConditionAnnotation marker,
      java.lang.annotation.Annotation annotation, String id) {
    try {
      ConditionFactory factory = marker.value().getDeclaredConstructor().newInstance();
      return factory.create(annotation);
    } catch (ReflectiveOperationException e) {
      throw new HandlerDefinitionException("handler " + id + ": cannot create the condition of @"
          + annotation.annotationType().getSimpleName() + " with " + marker.value().getName()
          + ": " + e);
    }
  }

  private BiFunction<Parameter, HandlerContext, Object> supplierFor(String id, Parameter p) {
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
    if (services.test(type)) {
      return (param, ctx) -> ctx.service(type);
    }
    throw new HandlerDefinitionException("handler " + id + ": nothing can supply parameter '"
        + p.getName() + "' of type " + type.getName()
        + " (register a service or a ParameterResolver for it)");
  }
}
