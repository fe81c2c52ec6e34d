package charms.reactive.relations;

import charms.reactive.HandlerContext;
import charms.reactive.spi.ParameterResolver;
import charms.reactive.When;
import charms.reactive.WhenAll;
import charms.reactive.WhenAny;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives charm handlers their endpoints (and relation bases) as parameters, by type:
 * <ol>
 *   <li>the relation named by {@link EndpointName} on the parameter;
 *   <li>else the relation a flag of the handler's {@code @When}/{@code @WhenAll}/{@code @WhenAny}
 *       names, as the original's {@code endpoint_from_flag}: {@code endpoint.<name>.x} or
 *       {@code <name>.x} (for a relation base, the state's own relation, restricted to the
 *       conversations holding it), first flag first, if it is of the parameter's type;
 *   <li>else the charm's only relation of that type.
 * </ol>
 * Anything else is a {@link RelationException} naming the handler, the parameter and the
 * candidates.
 */
final class EndpointParameterResolver implements ParameterResolver {

  @Override
  public boolean supports(Parameter parameter) {
    Class<?> type = parameter.getType();
    return Endpoint.class.isAssignableFrom(type) || RelationBase.class.isAssignableFrom(type);
  }

  @Override
  public Object resolve(Parameter parameter, HandlerContext context) {
    Endpoints endpoints = context.service(Endpoints.class);
    Class<?> type = parameter.getType();
    boolean endpoint = Endpoint.class.isAssignableFrom(type);
    EndpointName named = parameter.getAnnotation(EndpointName.class);
    if (named != null) {
      return endpoint ? endpoints.get(named.value(), type.asSubclass(Endpoint.class))
          : endpoints.relationBase(named.value(), type.asSubclass(RelationBase.class));
    }
    for (String flag : flagsOf(parameter.getDeclaringExecutable())) {
      Optional<?> found = endpoint
          ? Endpoints.endpointNameOf(flag).flatMap(endpoints::find).filter(type::isInstance)
          : endpoints.relationBaseFromFlag(flag, type.asSubclass(RelationBase.class));
      if (found.isPresent()) {
        return found.get();
      }
    }
    List<?> candidates = endpoint ? endpoints.ofType(type.asSubclass(Endpoint.class))
        : endpoints.allRelationBases().stream().filter(type::isInstance).toList();
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    throw new RelationException("handler " + context.handlerId() + ": cannot tell which "
        + type.getSimpleName() + " parameter '" + parameter.getName() + "' is: "
        + (candidates.isEmpty() ? "no relation of this charm is served by " + type.getName()
            + (endpoints.unimplemented().isEmpty() ? ""
                : " (relations without an implementation: " + endpoints.unimplemented() + ")")
            : "relations " + candidates + " all are")
        + ", and no flag of the handler names one; annotate the parameter with @EndpointName");
  }

  private static List<String> flagsOf(Executable method) {
    List<String> flags = new ArrayList<>();
    When when = method.getAnnotation(When.class);
    if (when != null) {
      flags.addAll(List.of(when.value()));
    }
    WhenAll all = method.getAnnotation(WhenAll.class);
    if (all != null) {
      flags.addAll(List.of(all.value()));
    }
    WhenAny any = method.getAnnotation(WhenAny.class);
    if (any != null) {
      flags.addAll(List.of(any.value()));
    }
    return flags;
  }
}
