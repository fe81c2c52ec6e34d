package charms.reactive.examples.pgsql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.fs.testing.RecordingProcessRunner;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.RelationState;
import charms.reactive.testing.SequenceOutcome;
import charms.reactive.testing.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app's whole lifecycle on one unit, through the harness's fake Juju: install, config,
 * the db relation created, joined and changed with the database's data (config rendered, service
 * restarted), then departed and broken (flags cleared, status saying what is missing).
 */
class WebAppLifecycleTest {
  static final Path CHARM = Path.of("charms/pgsql-web-app");
  static final List<String> RESTART = List.of("systemctl", "restart", "seed-app");
  static final String SERVER = "pgsql-server/0";

  @TempDir
  Path work;
  Path configFile;
  final RecordingProcessRunner processes = new RecordingProcessRunner();
  Harness harness;

  @BeforeEach
  void setUp() {
    configFile = work.resolve("app.conf");
    harness = Harness.of(CHARM, WebAppCharm.charm(configFile, processes));
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  /** What the pgsql server publishes: JSON values, as its endpoint encodes them. */
  static Map<String, String> serverData(String host, String allowed) {
    Map<String, String> data = new TreeMap<>(RelationState.jujuUnitData(host));
    data.put("host", "\"" + host + "\"");
    data.put("port", "5432");
    data.put("database", "\"pgsql-web-app\"");
    data.put("user", "\"app_pgsql_web_app\"");
    data.put("password", "\"pw\"");
    data.put("allowed-units", "\"" + allowed + "\"");
    return data;
  }

  static HookOutcome ok(HookOutcome outcome) {
    assertTrue(outcome.succeeded(), () -> outcome + "\n" + outcome.error() + "\n" + outcome.logMessages());
    return outcome;
  }

  @Test
  void installRelateRenderRestartDepartBreak() throws Exception {
    SequenceOutcome install = harness.runInstall(harness.state().withConfig("admin-pass", "s3cret"));
    assertTrue(install.succeeded(), install::toString);
    JujuState s = install.finalState();
    assertEquals(Status.blocked("missing a database: relate db (pgsql)"), s.unitStatus());
    assertTrue(s.hasFlag("admin-pass"));

    RelationState db = RelationState.of("db", 3, "pgsql-server");
    s = ok(harness.run(HookEvent.relationCreated(db), s.withRelation(db))).state();
    assertFalse(s.hasFlag("endpoint.db.joined"));

    db = s.requireRelation(3).withRemoteUnit(SERVER, RelationState.jujuUnitData("10.0.0.7"));
    HookOutcome joined = ok(harness.run(HookEvent.relationJoined(db, SERVER), s.withRelation(db)));
    s = joined.state();
    assertEquals("\"pgsql-web-app\"", s.requireRelation(3).localUnitData().get("database"),
        "the interface asked for the application's database, JSON-encoded");
    assertTrue(s.hasFlag("db.connected"));
    assertEquals(Status.waiting("waiting for the database to grant access"), s.unitStatus());
    assertFalse(Files.exists(configFile));

    db = s.requireRelation(3).withRemoteUnit(SERVER, serverData("10.0.0.7", "pgsql-web-app/0"));
    HookOutcome changed = ok(harness.run(HookEvent.relationChanged(db, SERVER), s.withRelation(db)));
    s = changed.state();
    assertTrue(s.hasFlag("db.database.available"));
    assertTrue(changed.handlersRun().containsAll(List.of("seed.render-config", "seed.restart")),
        changed.handlersRun()::toString);
    String rendered = Files.readString(configFile);
    assertTrue(rendered.contains("host = 10.0.0.7") && rendered.contains("port = 5432")
        && rendered.contains("user = app_pgsql_web_app") && rendered.contains("password = s3cret"), rendered);
    assertEquals(List.of(RESTART), processes.commands());
    assertEquals(Status.active("ready"), s.unitStatus());
    assertFalse(s.unitState().flags().get("db.database.available").has("password"),
        "the database password is not copied into the unit state");

    HookOutcome same = ok(harness.run(HookEvent.relationChanged(s.requireRelation(3), SERVER), s));
    assertFalse(same.handlersRun().contains("seed.restart"), "same data: no restart");
    assertTrue(same.calls("relation-set").isEmpty(), "nothing to publish again");
    s = same.state();

    db = s.requireRelation(3).withRemoteUnit(SERVER, serverData("10.0.0.8", "pgsql-web-app/0"));
    HookOutcome moved = ok(harness.run(HookEvent.relationChanged(db, SERVER), s.withRelation(db)));
    s = moved.state();
    assertTrue(Files.readString(configFile).contains("host = 10.0.0.8"));
    assertEquals(List.of(RESTART, RESTART), processes.commands(), "a moved database restarts");

    HookOutcome departed = ok(harness.run(HookEvent.relationDeparted(s.requireRelation(3), SERVER), s));
    s = departed.state().withRelation(departed.state().requireRelation(3).withoutRemoteUnit(SERVER));
    assertFalse(s.hasFlag("db.database.available"), "derived from the data, so gone with the unit");
    assertFalse(s.hasFlag("db.connected"));
    assertTrue(s.hasFlag("endpoint.db.departed"));
    assertEquals(Status.blocked("missing a database: relate db (pgsql)"), s.unitStatus());

    HookOutcome broken = ok(harness.run(HookEvent.relationBroken(s.requireRelation(3)), s));
    s = broken.state().withoutRelation(3);
    assertFalse(s.hasFlag("endpoint.db.joined"));
    assertEquals(Status.blocked("missing a database: relate db (pgsql)"), s.unitStatus());
    assertEquals(2, processes.commands().size(), "no restart without a database");
  }

  @Test
  void aUnitTheServerHasNotGrantedWaits() {
    JujuState s = harness.runInstall(harness.state().withConfig("admin-pass", "x")).finalState();
    RelationState db = RelationState.of("db", 3, "pgsql-server")
        .withRemoteUnit(SERVER, serverData("10.0.0.7", "pgsql-web-app/1 pgsql-web-app/2"));
    HookOutcome joined = ok(harness.run(HookEvent.relationJoined(db, SERVER), s.withRelation(db)));
    assertFalse(joined.state().hasFlag("db.database.available"));
    assertEquals(Status.waiting("waiting for the database to grant access"), joined.state().unitStatus());
  }

  @Test
  void malformedServerDataIsNotADatabase() {
    JujuState s = harness.runInstall(harness.state().withConfig("admin-pass", "x")).finalState();
    Map<String, String> data = serverData("10.0.0.7", "pgsql-web-app/0");
    data.put("port", "{not json");
    RelationState db = RelationState.of("db", 3, "pgsql-server").withRemoteUnit(SERVER, data);
    HookOutcome joined = ok(harness.run(HookEvent.relationJoined(db, SERVER), s.withRelation(db)));
    assertFalse(joined.state().hasFlag("db.database.available"), "a port that is not a number");
    assertFalse(Files.exists(configFile));
  }
}
