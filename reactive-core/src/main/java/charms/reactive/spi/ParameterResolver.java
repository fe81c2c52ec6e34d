package charms.reactive.spi;

import charms.reactive.CharmMetadata;
import charms.reactive.Flags;
import charms.reactive.HandlerContext;
import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.KeyValueStore;
import java.lang.reflect.Parameter;

/**
 * Supplies arguments to annotated handler methods, by parameter type. The framework resolves
 * {@link Flags}, {@link KeyValueStore}, {@link HookEnvironment}, {@link HookLog},
 * {@link CharmMetadata}, {@link HookContext} and {@link HandlerContext} itself, then asks the
 * registered resolvers in order, then the registered services.
 */
public interface ParameterResolver {

  /** Whether this resolver can supply the parameter; asked once, when the charm is built. */
  boolean supports(Parameter parameter);

  /** The argument for one invocation. */
  Object resolve(Parameter parameter, HandlerContext context);
}
