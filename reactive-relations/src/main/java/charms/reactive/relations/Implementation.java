package charms.reactive.relations;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Which class serves the relations of one interface in one role: an {@link Endpoint} subclass
 * (the endpoint API) or a {@link RelationBase} subclass (the older conversation API). The
 * framework makes one instance per relation name of that role and interface in
 * {@code metadata.yaml}, per hook, with {@code factory}.
 *
 * <pre>{@code
 * Implementation.endpoint("pgsql", Role.REQUIRES, PgsqlRequires.class, PgsqlRequires::new)
 * }</pre>
 *
 * @param interfaceName the interface name, as in metadata.yaml's {@code interface:}
 * @param role the role
 * @param type the implementation class; its annotated methods are the interface handlers
 * @param factory makes a new, unbound instance (usually the constructor reference)
 * @param <T> the implementation class
 */
public record Implementation<T>(String interfaceName, Role role, Class<T> type,
    Supplier<? extends T> factory) {

  public Implementation {
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    if (interfaceName.isBlank()) {
      throw new IllegalArgumentException("an interface name must not be empty");
    }
    if (!Endpoint.class.isAssignableFrom(type) && !RelationBase.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(type.getName() + " is neither an Endpoint nor a "
          + "RelationBase: it cannot implement interface " + interfaceName);
    }
  }

  /** An endpoint implementation. */
  public static <E extends Endpoint> Implementation<E> endpoint(String interfaceName, Role role,
      Class<E> type, Supplier<? extends E> factory) {
    return new Implementation<>(interfaceName, role, type, factory);
  }

  /** A relation-base (conversation API) implementation. */
  public static <R extends RelationBase> Implementation<R> relationBase(String interfaceName,
      Role role, Class<R> type, Supplier<? extends R> factory) {
    return new Implementation<>(interfaceName, role, type, factory);
  }

  /** True for an {@link Endpoint} implementation, false for a {@link RelationBase} one. */
  public boolean isEndpoint() {
    return Endpoint.class.isAssignableFrom(type);
  }

  @Override
  public String toString() {
    return role.key() + "/" + interfaceName + " -> " + type.getName();
  }
}
