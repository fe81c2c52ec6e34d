package charms.reactive.examples.pgsql;

import charms.reactive.FlagFact;
import charms.reactive.relations.Endpoint;
import charms.reactive.relations.JsonDataView;
import charms.reactive.relations.RelatedUnit;
import charms.reactive.relations.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * The server side of the pgsql interface (see {@link PgsqlRequires} for the data). Flag:
 * {@code <endpoint>.database.requested} while some relation has a client unit asking for a
 * database. The server charm answers each {@link DatabaseRequest} with {@link #provide}; answering
 * again with the same details publishes nothing, so it may answer on every hook.
 */
public class PgsqlProvides extends Endpoint {

  /**
   * One client application's request.
   *
   * @param relation the relation it came on
   * @param application the client application
   * @param database the database it asks for
   * @param units the client units in the relation, in unit order
   */
  public record DatabaseRequest(Relation relation, String application, String database,
      List<String> units) {
  }

  /** The requests, one per relation whose units asked for a database, by relation id. */
  public List<DatabaseRequest> requests() {
    List<DatabaseRequest> requests = new ArrayList<>();
    for (Relation r : relations()) {
      Optional<String> database = Optional.empty();
      List<String> units = new ArrayList<>();
      for (RelatedUnit u : r.joinedUnits()) {
        units.add(u.unitName());
        if (database.isEmpty()) {
          database = u.received().text("database").filter(PgsqlProvides::isName);
        }
      }
      if (database.isPresent()) {
        requests.add(new DatabaseRequest(r, r.applicationName().orElse(units.get(0)),
            database.get(), List.copyOf(units)));
      }
    }
    return requests;
  }

  /** A database or role name a client may ask for: letters, digits, '_' and '-', 1 to 63 long. */
  static boolean isName(String name) {
    return name.matches("[A-Za-z0-9_-]{1,63}");
  }

  /** Grants the request's units access: publishes the connection in this unit's data. */
  public void provide(DatabaseRequest request, PgsqlConnection connection) {
    JsonDataView out = request.relation().toPublish();
    out.put("host", connection.host());
    out.put("port", connection.port());
    out.put("database", connection.database());
    out.put("user", connection.user());
    out.put("password", connection.password());
    out.put("allowed-units", String.join(" ", request.units()));
  }

  @Override
  public Flux<FlagFact> facts() {
    return Flux.defer(() -> Flux.just(
        FlagFact.toggled("{endpoint_name}.database.requested", !requests().isEmpty())));
  }
}
