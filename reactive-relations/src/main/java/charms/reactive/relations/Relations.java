package charms.reactive.relations;

import charms.reactive.spi.CharmExtension;
import charms.reactive.ReactiveCharm;
import charms.reactive.juju.HookTools;
import charms.reactive.relations.internal.InterfaceHandlerReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Adds relations to a charm: endpoints with their automatic flags, interface handlers, the
 * interfaces' flag sources, conversations, request/response, and publishing at the end of the
 * hook.
 *
 * <pre>{@code
 * ReactiveCharm.builder()
 *     .use(Juju.integration())
 *     .use(Relations.builder()
 *         .endpoint("pgsql", Role.REQUIRES, PgsqlRequires.class, PgsqlRequires::new)
 *         .build())
 *     .handlers(new WebApp())
 *     .build();
 * }</pre>
 *
 * <p>Implementations are found from {@code metadata.yaml} (each relation's role and interface)
 * in the registry built here: explicit registrations, plus those of {@link InterfaceProvider}s
 * found with {@link ServiceLoader} if {@link Builder#discover()} is called. Nothing scans the
 * class path.
 *
 * <p>What the extension registers, in this order: the per-hook {@link HookTools} (as
 * {@code Juju.integration()} does) and {@link Endpoints} services; the interface handlers (a
 * handler provider, in the registration position of this {@code use} call); a start callback
 * that joins conversations; the automatic endpoint flags source; the interfaces' flag source; an
 * exit callback that publishes every changed data bag; and the resolver that gives handlers
 * their endpoints as parameters.
 */
public final class Relations {
  private Relations() {
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The extension with the implementations of every {@link InterfaceProvider} on the class path. */
  public static CharmExtension discovered() {
    return builder().discover().build();
  }

  /** Collects implementations; not thread-safe. */
  public static final class Builder {
    private final Map<String, Implementation<?>> explicit = new LinkedHashMap<>();
    private final Map<String, Implementation<?>> discovered = new LinkedHashMap<>();
    private boolean strict;

    private Builder() {
    }

    /**
     * Registers an implementation.
     *
     * @throws IllegalArgumentException if another one is registered for the same role and
     *     interface
     */
    public Builder implementation(Implementation<?> implementation) {
      Objects.requireNonNull(implementation, "implementation");
      String key = ImplementationRegistry.key(implementation.role(), implementation.interfaceName());
      Implementation<?> clash = explicit.putIfAbsent(key, implementation);
      if (clash != null && !clash.equals(implementation)) {
        throw new IllegalArgumentException("two implementations for " + key + ": "
            + clash.type().getName() + " and " + implementation.type().getName());
      }
      return this;
    }

    /** Registers an endpoint implementation. */
    public <E extends Endpoint> Builder endpoint(String interfaceName, Role role, Class<E> type,
        Supplier<? extends E> factory) {
      return implementation(Implementation.endpoint(interfaceName, role, type, factory));
    }

    /** Registers a relation-base (conversation API) implementation. */
    public <R extends RelationBase> Builder relationBase(String interfaceName, Role role,
        Class<R> type, Supplier<? extends R> factory) {
      return implementation(Implementation.relationBase(interfaceName, role, type, factory));
    }

    /** Adds the implementations of every {@link InterfaceProvider} this class's loader finds. */
    public Builder discover() {
      return discover(Relations.class.getClassLoader());
    }

    /**
     * Adds the implementations of every {@link InterfaceProvider} the loader finds (listed in
     * {@code META-INF/services}); explicit registrations win over discovered ones.
     *
     * @throws RelationException if two providers offer different classes for one role and
     *     interface
     */
    public Builder discover(ClassLoader loader) {
      for (InterfaceProvider provider : ServiceLoader.load(InterfaceProvider.class, loader)) {
        for (Implementation<?> impl : provider.implementations()) {
          String key = ImplementationRegistry.key(impl.role(), impl.interfaceName());
          Implementation<?> clash = discovered.putIfAbsent(key, impl);
          if (clash != null && clash.type() != impl.type()) {
            throw new RelationException("two interface providers implement " + key + ": "
                + clash.type().getName() + " and " + impl.type().getName()
                + "; register the one to use explicitly");
          }
        }
      }
      return this;
    }

    /**
     * Makes a hook fail at its start if metadata.yaml declares a relation with no registered
     * implementation. Without it such a relation gets a generic endpoint (automatic flags and
     * data, no interface handlers).
     */
    public Builder requireImplementations() {
      this.strict = true;
      return this;
    }

    /**
     * The extension.
     *
     * @throws charms.reactive.HandlerDefinitionException if an implementation declares a
     *     malformed interface handler
     */
    public CharmExtension build() {
      Map<String, Implementation<?>> all = new LinkedHashMap<>(discovered);
      all.putAll(explicit);
      ImplementationRegistry registry = new ImplementationRegistry(all);
      Map<Class<?>, List<InterfaceHandlerReader.Template>> templates = new LinkedHashMap<>();
      for (Implementation<?> impl : registry.all()) {
        List<InterfaceHandlerReader.Template> read = InterfaceHandlerReader.read(impl.type(),
            impl.role().key(), impl.interfaceName());
        templates.putIfAbsent(impl.type(), read);
      }
      Map<Class<?>, List<InterfaceHandlerReader.Template>> frozen = Map.copyOf(templates);
      boolean requireAll = strict;
      return (ReactiveCharm.Builder builder) -> builder
          .hookService(HookTools.class, HookTools::forHook)
          .hookService(Endpoints.class, services -> new Endpoints(registry, requireAll))
          .handlers(new InterfaceHandlers(frozen))
          .onStart(ConversationLifecycle::start)
          .inputReader("relation", EndpointFlags::input)
          .onStart(EndpointFlags::prepare)
          .source(new EndpointFlags())
          .source(new InterfaceFacts())
          .afterSources(EndpointFlags::manageFlags)
          .onExit(context -> context.service(Endpoints.class).hookRelations().publish())
          .parameterResolver(new EndpointParameterResolver());
    }
  }
}
