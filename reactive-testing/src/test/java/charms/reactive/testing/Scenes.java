package charms.reactive.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The demo charm and the states and events the tool tests run in. */
final class Scenes {
  static final Path CHARM_DIR = Path.of("src/test/charms/demo");
  static final CharmSpec CHARM = CharmSpec.load(CHARM_DIR);

  static final RelationState DB = RelationState.of("db", 7, "postgresql")
      .withRemoteUnit("postgresql/0", Map.of("host", "db0", "port", "5432"))
      .withRemoteUnit("postgresql/1", Map.of("host", "db1"))
      .withRemoteAppData(Map.of("version", "14"))
      .withLocalAppData(Map.of("schema", "v1"));
  static final RelationState CLUSTER = RelationState.peer("cluster", 3)
      .withRemoteUnit("demo/1", Map.of("peer", "one"))
      .withLocalAppData(Map.of("leader-key", "x"));
  static final RelationState WEBSITE = RelationState.of("website", 9, "haproxy");

  private Scenes() {
  }

  /** A unit of demo in three relations, with config, leader settings, ports and charm state. */
  static JujuState base() {
    return JujuState.forUnit("demo", 0)
        .withConfig("port", 9000)
        .withRelation(DB).withRelation(CLUSTER).withRelation(WEBSITE)
        .withLeaderSettings(Map.of("seed", "abc"))
        .withCharmState(Map.of("k", "v"))
        .withUnitStatus(Status.active("ready"))
        .withOpenedPorts(Set.of(Port.tcp(80), Port.range(8000, 8100, "udp").forEndpoint("website")))
        .withNetwork("website", Network.of("10.1.2.3"));
  }

  /** The named scenes: a state and the event that runs in it. */
  enum Scene {
    UNIT(base(), HookEvent.updateStatus()),
    LEADER(base().withLeader(true), HookEvent.updateStatus()),
    EMPTY(JujuState.forUnit("demo", 0), HookEvent.install()),
    DB_CHANGED(base(), HookEvent.relationChanged(DB, "postgresql/0")),
    DB_CREATED(base(), HookEvent.relationCreated(DB)),
    DB_BROKEN(base(), HookEvent.relationBroken(DB)),
    DB_DEPARTED(base(), HookEvent.relationDeparted(DB, "postgresql/1")),
    ACTION(base(), HookEvent.action("backup",
        Map.of("compress", true, "opts", Map.of("level", 3)))),
    METRICS(base(), HookEvent.collectMetrics());

    final JujuState state;
    final HookEvent event;

    Scene(JujuState state, HookEvent event) {
      this.state = state;
      this.event = event;
    }

    FakeHookTools tools() {
      return FakeHookTools.open(CHARM, state, event);
    }
  }
}
