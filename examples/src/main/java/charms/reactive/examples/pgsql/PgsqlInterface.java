package charms.reactive.examples.pgsql;

import charms.reactive.relations.Implementation;
import charms.reactive.relations.InterfaceProvider;
import charms.reactive.relations.Role;
import java.util.List;

/**
 * The pgsql interface library's announcement, found by {@code Relations.builder().discover()}
 * through {@code META-INF/services/charms.reactive.relations.InterfaceProvider}.
 */
public final class PgsqlInterface implements InterfaceProvider {

  @Override
  public List<Implementation<?>> implementations() {
    return List.of(
        Implementation.endpoint("pgsql", Role.REQUIRES, PgsqlRequires.class, PgsqlRequires::new),
        Implementation.endpoint("pgsql", Role.PROVIDES, PgsqlProvides.class, PgsqlProvides::new));
  }
}
