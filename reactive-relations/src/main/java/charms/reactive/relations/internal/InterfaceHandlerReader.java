package charms.reactive.relations.internal;

import charms.reactive.CharmMetadata;
import charms.reactive.CollectMetrics;
import charms.reactive.Condition;
import charms.reactive.ConditionAnnotation;
import charms.reactive.ConditionFactory;
import charms.reactive.Conditions;
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
import charms.reactive.When;
import charms.reactive.WhenAll;
import charms.reactive.WhenAny;
import charms.reactive.WhenNone;
import charms.reactive.WhenNot;
import charms.reactive.WhenNotAll;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Reads the interface handlers declared on an endpoint or relation-base class: its methods
 * annotated with the core's handler annotations ({@code @When}, {@code @Hook}...), in source
 * order (the core's compile-time handler index; a class compiled without it is an error), superclasses
 * first, never by scanning anything.
 *
 * <p>A template is read once per class, when the charm is built, and checked then by expanding it
 * for a sample relation name, so a malformed declaration fails the build. At each hook it is
 * expanded for each relation of its role and interface: {@code {endpoint_name}} in flags and hook
 * patterns becomes the relation name, and so does a {@code {role:interface}} hook group naming the
 * class's own role and interface. The handler id is {@code <class>.<method>:<relation>} (or
 * {@code <@HandlerId>:<relation>}). Conditions from other modules' annotations
 * ({@code @ConditionAnnotation}) are made by their factories, unexpanded.
 *
 * <p>Immutable and thread-safe once read.
 */
public final class InterfaceHandlerReader {
  /** The placeholder for the relation (endpoint) name. */
  public static final String PLACEHOLDER = "{endpoint_name}";

  private InterfaceHandlerReader() {
  }

  /** One declared interface handler, before expansion. */
  public record Template(Method method, String baseId, List<Annotation> annotations) {

    /**
     * The handler for one relation, invoking {@code method} on {@code target}.
     *
     * @throws HandlerDefinitionException if a parameter cannot be supplied in this charm
     * @throws charms.reactive.InvalidFlagException if an expanded flag is invalid
     */
    public Handler expand(String relationName, String role, String interfaceName, Object target,
        HookContext context) {
      String id = baseId + ":" + relationName;
      Handler.Builder builder = Handler.named(id);
      for (Condition c : conditions(relationName, role, interfaceName, id)) {
        builder.condition(c);
      }
      NotUnless notUnless = method.getAnnotation(NotUnless.class);
      if (notUnless != null) {
        builder.notUnless(expandAll(notUnless.value(), relationName));
      }
      List<Function<HandlerContext, Object>> args = new ArrayList<>();
      for (java.lang.reflect.Parameter p : method.getParameters()) {
        args.add(supplier(id, p.getType(), context));
      }
      return builder.run(ctx -> invoke(target, args, ctx));
    }

    private Publisher<?> invoke(Object target, List<Function<HandlerContext, Object>> args,
        HandlerContext ctx) throws Exception {
      Object[] values = new Object[args.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = args.get(i).apply(ctx);
      }
      return HandlerMethods.invoke(method, target, values);
    }

    List<Condition> conditions(String relationName, String role, String interfaceName, String id) {
      List<Condition> conditions = new ArrayList<>();
      for (Annotation a : annotations) {
        if (a instanceof Hook hook) {
          String[] patterns = new String[hook.value().length];
          for (int i = 0; i < patterns.length; i++) {
            patterns[i] = hook.value()[i].replace(PLACEHOLDER, relationName)
                .replace("{" + role + ":" + interfaceName + "}", relationName);
          }
          conditions.add(Conditions.hook(patterns));
        } else if (a instanceof When w) {
          conditions.add(Conditions.when(expandAll(w.value(), relationName)));
        } else if (a instanceof WhenAll w) {
          conditions.add(Conditions.whenAll(expandAll(w.value(), relationName)));
        } else if (a instanceof WhenAny w) {
          conditions.add(Conditions.whenAny(expandAll(w.value(), relationName)));
        } else if (a instanceof WhenNot w) {
          conditions.add(Conditions.whenNot(expandAll(w.value(), relationName)));
        } else if (a instanceof WhenNone w) {
          conditions.add(Conditions.whenNone(expandAll(w.value(), relationName)));
        } else if (a instanceof WhenNotAll w) {
          conditions.add(Conditions.whenNotAll(expandAll(w.value(), relationName)));
        } else if (a instanceof OnlyOnce) {
          conditions.add(Conditions.onlyOnce());
        } else if (a instanceof CollectMetrics) {
          conditions.add(Conditions.collectMetrics());
        } else if (a instanceof MeterStatusChanged) {
          conditions.add(Conditions.meterStatusChanged());
        } else {
          conditions.add(fromFactory(a, id));
        }
      }
      return conditions;
    }
  }

  private static String[] expandAll(String[] flags, String relationName) {
    String[] out = new String[flags.length];
    for (int i = 0; i < flags.length; i++) {
      out[i] = flags[i].replace(PLACEHOLDER, relationName);
    }
    return out;
  }

  /**
   * The interface handlers of {@code type}, checked.
   *
   * @throws HandlerDefinitionException naming the method if a declaration is malformed
   */
  public static List<Template> read(Class<?> type, String role, String interfaceName) {
    List<Template> templates = new ArrayList<>();
    for (Method m : HandlerMethods.of(type)) {
      Template t = template(m);
      String id = t.baseId() + ":endpoint";
      try {
        t.conditions("endpoint", role, interfaceName, id);
        NotUnless notUnless = m.getAnnotation(NotUnless.class);
        if (notUnless != null) {
          Handler.named(id).notUnless(expandAll(notUnless.value(), "endpoint"));
        }
      } catch (RuntimeException e) {
        throw new HandlerDefinitionException("interface handler " + t.baseId() + ": "
            + e.getMessage());
      }
      templates.add(t);
    }
    return templates;
  }

  private static Template template(Method m) {
    HandlerId explicit = m.getAnnotation(HandlerId.class);
    String baseId = explicit != null ? explicit.value()
        : m.getDeclaringClass().getName() + "." + m.getName();
    if (Modifier.isStatic(m.getModifiers())) {
      throw new HandlerDefinitionException("interface handler " + baseId + " is static: interface "
          + "handlers are instance methods, invoked on each relation's instance");
    }
    Class<?> returns = m.getReturnType();
    if (returns != void.class && !Publisher.class.isAssignableFrom(returns)
        && !CompletionStage.class.isAssignableFrom(returns)) {
      throw new HandlerDefinitionException("interface handler " + baseId + " returns "
          + returns.getName() + "; a handler returns void, a Publisher (Mono, Flux) or a "
          + "CompletionStage");
    }
    List<Annotation> annotations = new ArrayList<>();
    for (Annotation a : m.getAnnotations()) {
      if (HandlerMethods.isHandlerAnnotation(a)) {
        annotations.add(a);
      }
    }
    annotations.sort(Comparator.comparing(a -> a.annotationType() == Hook.class ? 0 : 1));
    m.setAccessible(true);
    return new Template(m, baseId, List.copyOf(annotations));
  }

  private static Function<HandlerContext, Object> supplier(String id, Class<?> type,
      HookContext context) {
    if (type == HandlerContext.class || type == HookContext.class) {
      return ctx -> ctx;
    }
    if (type == Flags.class) {
      return HookContext::flags;
    }
    if (type == KeyValueStore.class) {
      return HookContext::data;
    }
    if (type == HookEnvironment.class) {
      return HookContext::environment;
    }
    if (type == HookLog.class) {
      return HookContext::log;
    }
    if (type == CharmMetadata.class) {
      return HookContext::metadata;
    }
    if (context.services().has(type)) {
      return ctx -> ctx.service(type);
    }
    throw new HandlerDefinitionException("interface handler " + id + ": nothing can supply a "
        + "parameter of type " + type.getName() + " (interface handlers get the hook's context, "
        + "flags, data, environment, log, metadata and services; the endpoint is 'this')");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Condition fromFactory(Annotation annotation, String id) {
    ConditionAnnotation marker = annotation.annotationType().getAnnotation(ConditionAnnotation.class);
    try {
      ConditionFactory factory = marker.value().getDeclaredConstructor().newInstance();
      return factory.create(annotation);
    } catch (ReflectiveOperationException e) {
      throw new HandlerDefinitionException("handler " + id + ": cannot create the condition of @"
          + annotation.annotationType().getSimpleName() + " with " + marker.value().getName()
          + ": " + e);
    }
  }
}
