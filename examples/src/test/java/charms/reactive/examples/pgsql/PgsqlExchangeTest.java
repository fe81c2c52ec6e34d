package charms.reactive.examples.pgsql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.fs.testing.RecordingProcessRunner;
import charms.reactive.testing.Harness;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.Model;
import charms.reactive.testing.Status;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pgsql server and N web-app units, each a harness in this JVM, related through
 * the harness's {@link Model}: data goes back and forth over several hooks until nothing changes, and
 * then every web-app unit has its database, its config and one restart.
 */
class PgsqlExchangeTest {
  static final Path WEB = Path.of("charms/pgsql-web-app");
  static final Path SERVER = Path.of("charms/pgsql-server");
  static final List<String> RESTART = List.of("systemctl", "restart", "seed-app");

  @TempDir
  Path work;

  @ParameterizedTest(name = "{0} web-app units")
  @ValueSource(ints = {1, 3, 50})
  void aServerAndNClientsConverge(int n) throws Exception {
    Map<String, RecordingProcessRunner> processes = new HashMap<>();
    try (Model model = new Model()) {
      model.add(Harness.of(SERVER, PgsqlServerCharm.charm()),
          JujuState.forUnit("pgsql-server/0").withLeader(true));
      for (int i = 0; i < n; i++) {
        String unit = "pgsql-web-app/" + i;
        RecordingProcessRunner runner = new RecordingProcessRunner();
        processes.put(unit, runner);
        model.add(Harness.of(WEB, WebAppCharm.charm(config(i), runner)),
            JujuState.forUnit(unit).withLeader(i == 0).withConfig("admin-pass", "s3cret"));
      }
      model.install();
      int rel = model.relate("pgsql-web-app", "db", "pgsql-server", "db");
      int hooks = model.settle(20 * (n + 1) * 4);
      assertTrue(hooks >= 4 * n + 2, "several hooks: " + hooks);

      Model.Unit server = model.unit("pgsql-server/0");
      Map<String, String> granted = server.state().requireRelation(rel).localUnitData();
      List<String> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add("pgsql-web-app/" + i);
      }
      assertEquals("\"" + String.join(" ", all) + "\"", granted.get("allowed-units"),
          "the server granted every unit, in unit order");
      assertEquals(Status.active("serving 1 database"), server.state().unitStatus());
      String password = granted.get("password");

      for (int i = 0; i < n; i++) {
        Model.Unit web = model.unit("pgsql-web-app/" + i);
        assertEquals(Status.active("ready"), web.state().unitStatus(), web.name());
        JsonNode db = web.state().unitState().flags().get("db.database.available");
        assertEquals("10.0.2.0", db.get("host").asText(), web.name());
        assertEquals(5432, db.get("port").intValue());
        assertEquals("app_pgsql_web_app", db.get("user").asText());
        assertTrue(Files.readString(config(i)).contains("host = 10.0.2.0"), web.name());
        assertEquals(List.of(RESTART), processes.get(web.name()).commands(), web.name() + " restarted once");
        assertEquals("\"pgsql-web-app\"", web.state().requireRelation(rel).localUnitData().get("database"));
      }

      // Converged: another round of hooks everywhere changes and publishes nothing.
      model.everyUnit("update-status");
      assertEquals(n + 1, model.settle(n + 1), "no relation-changed follows: nothing was published");
      assertEquals(password, server.state().requireRelation(rel).localUnitData().get("password"),
          "the password is generated once");
      for (RecordingProcessRunner r : processes.values()) {
        assertEquals(1, r.commands().size());
      }

      // The relation goes away: every unit loses its database and says so.
      model.removeRelation(rel);
      model.settle(10 * (n + 1) * 2);
      for (int i = 0; i < n; i++) {
        Model.Unit web = model.unit("pgsql-web-app/" + i);
        assertFalse(web.state().hasFlag("db.database.available"), web.name());
        assertEquals(Status.blocked("missing a database: relate db (pgsql)"), web.state().unitStatus());
      }
      assertEquals(Status.active("no clients"), server.state().unitStatus());
    }
  }

  Path config(int unit) {
    return work.resolve("web-" + unit + ".conf");
  }
}
