package charms.reactive.examples.pgsql;

import charms.reactive.HandlerId;
import charms.reactive.KeyValueStore;
import charms.reactive.ReactiveCharm;
import charms.reactive.When;
import charms.reactive.WhenNot;
import charms.reactive.juju.HookTools;
import charms.reactive.juju.Juju;
import charms.reactive.juju.StatusReporter;
import charms.reactive.relations.Relations;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in database server on the provides side of pgsql: it answers every client
 * application's request with a role named after the application, a password generated once and
 * kept in the charm's data, its own address on the relation and the {@code port} option. It
 * answers on every hook while requests exist, so a client unit that joins later is added to
 * {@code allowed-units}; unchanged answers publish nothing.
 */
public final class PgsqlServerCharm {
  private static final SecureRandom RANDOM = new SecureRandom();

  public static ReactiveCharm charm() {
    return ReactiveCharm.builder()
        .use(Juju.integration())
        .use(Relations.builder().discover().build())
        .handlers(new PgsqlServerCharm())
        .build();
  }

  @When("db.database.requested")
  @HandlerId("pgsql-server.serve")
  public void serve(PgsqlProvides db, KeyValueStore data, HookTools tools, StatusReporter status) {
    JsonNode portOption = tools.config().get("port");
    int port = portOption != null && portOption.canConvertToInt() ? portOption.intValue() : 5432;
    List<PgsqlProvides.DatabaseRequest> requests = db.requests();
    for (PgsqlProvides.DatabaseRequest request : requests) {
      String role = "app_" + request.application().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
      String key = "password." + role;
      String password = data.get(key, String.class).orElseGet(() -> {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        data.set(key, fresh);
        return fresh;
      });
      String host = request.relation().toPublishRaw().get("ingress-address", "127.0.0.1");
      db.provide(request, new PgsqlConnection(host, port, request.database(), role, password));
    }
    status.active("serving " + requests.size() + " database" + (requests.size() == 1 ? "" : "s"));
  }

  @WhenNot("db.database.requested")
  @HandlerId("pgsql-server.idle")
  public void idle(StatusReporter status) {
    status.active("no clients");
  }
}
