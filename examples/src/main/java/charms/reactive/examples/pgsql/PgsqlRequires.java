package charms.reactive.examples.pgsql;

import charms.reactive.FlagFact;
import charms.reactive.When;
import charms.reactive.relations.Endpoint;
import charms.reactive.relations.JsonDataView;
import charms.reactive.relations.RelatedUnit;
import charms.reactive.relations.Relation;
import java.util.Arrays;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * The client side of the pgsql interface. The client asks for a database by publishing
 * {@code database} (its application name unless the charm asks for another); the server answers
 * in its unit data with {@code host}, {@code port}, {@code database}, {@code user},
 * {@code password} and {@code allowed-units} (the client units it has granted access, separated by
 * spaces). Every value is JSON, as the endpoint views encode it.
 *
 * <p>Flags (derived from the relation data on every hook, so they follow it both ways):
 * <ul>
 *   <li>{@code <endpoint>.connected}: a server unit has joined;
 *   <li>{@code <endpoint>.database.available}: a server unit granted this unit access; its value
 *       is the connection without the password ({@link PgsqlConnection#withoutPassword()}).
 * </ul>
 */
public class PgsqlRequires extends Endpoint {

  /** Asks for the application-named database on every relation that has no request yet. */
  @When("endpoint.{endpoint_name}.joined")
  public void requestDefaultDatabase() {
    String app = context().environment().appName().orElse("app");
    for (Relation r : relations()) {
      if (r.toPublish().get("database") == null) {
        r.toPublish().put("database", app);
      }
    }
  }

  /** Asks for a named database on every relation (published at the end of the hook). */
  public void requestDatabase(String name) {
    for (Relation r : relations()) {
      r.toPublish().put("database", name);
    }
  }

  /**
   * The first server unit, in relation and unit order, that granted this unit access with
   * complete details; empty while there is none.
   */
  public Optional<PgsqlConnection> connection() {
    String self = context().environment().unitName().orElse("");
    for (RelatedUnit unit : allJoinedUnits()) {
      JsonDataView data = unit.received();
      Optional<String> host = data.text("host");
      Optional<String> port = data.text("port");
      Optional<String> database = data.text("database");
      Optional<String> user = data.text("user");
      Optional<String> password = data.text("password");
      boolean allowed = data.text("allowed-units")
          .map(units -> Arrays.asList(units.split(" ")).contains(self)).orElse(false);
      if (allowed && host.isPresent() && database.isPresent() && user.isPresent()
          && password.isPresent() && port.map(PgsqlRequires::isPort).orElse(false)) {
        return Optional.of(new PgsqlConnection(host.get(), Integer.parseInt(port.get()),
            database.get(), user.get(), password.get()));
      }
    }
    return Optional.empty();
  }

  private static boolean isPort(String text) {
    return text.matches("[0-9]{1,5}") && Integer.parseInt(text) <= 65535;
  }

  @Override
  public Flux<FlagFact> facts() {
    return Flux.defer(() -> {
      Optional<PgsqlConnection> conn = connection();
      return Flux.just(
          FlagFact.toggled("{endpoint_name}.connected", isJoined()),
          conn.map(c -> FlagFact.set("{endpoint_name}.database.available", c.withoutPassword()))
              .orElse(FlagFact.cleared("{endpoint_name}.database.available")));
    });
  }
}
