package charms.reactive.relations.internal;

import charms.reactive.Handler;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.spi.HandlerMethodReader;
import charms.reactive.spi.HandlerMethods;
import charms.reactive.HookContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the interface handlers declared on an endpoint or relation-base class: its methods
 * annotated with the core's handler annotations ({@code @When}, {@code @Hook}...), in source
 * order (the core's compile-time handler index; a class compiled without it is an error),
 * superclasses first, never by scanning anything. The annotations themselves are read by the
 * core's {@link HandlerMethodReader}, exactly as for a charm's own handlers (parameters included:
 * the charm's {@code ParameterResolver}s and services); this class adds only what is particular
 * to interface handlers: they are instance methods, and templates expanded per relation by
 * {@link EndpointPlaceholders}.
 *
 * <p>A template is read once per class, when the charm is built, and checked then by expanding it
 * for a sample relation name, so a malformed declaration fails the build. At each hook it is
 * expanded for each relation of its role and interface. The handler id is
 * {@code <class>.<method>:<relation>} (or {@code <@HandlerId>:<relation>}). Conditions from other
 * modules' annotations ({@code @ConditionAnnotation}) are made by their factories, unexpanded.
 *
 * <p>Immutable and thread-safe once read.
 */
public final class InterfaceHandlerReader {
  private InterfaceHandlerReader() {
  }

  /** One declared interface handler, before expansion. */
  public record Template(Method method, String baseId) {

    /**
     * The handler for one relation, invoking {@code method} on {@code target}, with the
     * parameters the charm's handler reader supplies in this hook.
     *
     * @throws HandlerDefinitionException if a parameter cannot be supplied in this charm
     * @throws charms.reactive.InvalidFlagException if an expanded flag is invalid
     */
    public Handler expand(String relationName, String role, String interfaceName, Object target,
        HookContext context) {
      HandlerMethodReader reader = context.service(HandlerMethodReader.class)
          .forHook(context.services());
      return reader.handler(method, target, baseId + ":" + relationName,
          new EndpointPlaceholders(relationName, role, interfaceName));
    }
  }

  /**
   * The interface handlers of {@code type}, checked.
   *
   * @throws HandlerDefinitionException naming the method if a declaration is malformed
   */
  public static List<Template> read(Class<?> type, String role, String interfaceName) {
    List<Template> templates = new ArrayList<>();
    for (Method m : HandlerMethods.of(type)) {
      String baseId = HandlerMethodReader.idOf(m);
      if (Modifier.isStatic(m.getModifiers())) {
        throw new HandlerDefinitionException("interface handler " + baseId + " is static: "
            + "interface handlers are instance methods, invoked on each relation's instance");
      }
      try {
        HandlerMethodReader.check(m, baseId + ":endpoint",
            new EndpointPlaceholders("endpoint", role, interfaceName));
      } catch (RuntimeException e) {
        throw new HandlerDefinitionException("interface handler " + baseId + ": "
            + e.getMessage());
      }
      templates.add(new Template(m, baseId));
    }
    return templates;
  }
}
