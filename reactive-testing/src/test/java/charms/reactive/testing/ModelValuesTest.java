package charms.reactive.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The model's values: immutability, normalisation, notation. */
class ModelValuesTest {

  @Test
  void withersReturnCopiesAndLeaveTheOriginalAlone() {
    JujuState a = JujuState.forUnit("demo/3");
    JujuState b = a.withLeader(true).withConfig("port", 1).withFlags("x.y");
    assertFalse(a.leader());
    assertTrue(a.config().isEmpty());
    assertTrue(a.flags().isEmpty());
    assertEquals("demo/3", b.unitName());
    assertEquals(List.of("x.y"), List.copyOf(b.flags()));
    assertThrows(UnsupportedOperationException.class, () -> b.config().put("k", "v"));
  }

  @Test
  void configValuesAreNormalisedAndUnsupportedTypesRefused() {
    JujuState s = JujuState.forUnit("demo", 0).withConfig("i", 5).withConfig("f", 1.5f);
    assertEquals(5L, s.config().get("i"));
    assertEquals(1.5d, s.config().get("f"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.withConfig("bad", List.of(1)));
    assertTrue(e.getMessage().contains("config option 'bad'"), e.getMessage());
  }

  @Test
  void relationsStartWithJujusOwnKeysAndReplaceById() {
    RelationState r = RelationState.of("db", 1, "pg").withRemoteUnits(2);
    assertEquals(Map.of("egress-subnets", "192.0.2.0/32", "ingress-address", "192.0.2.0",
        "private-address", "192.0.2.0"), r.localUnitData());
    assertEquals(List.of("pg/0", "pg/1"), r.remoteUnitNames());
    JujuState s = JujuState.forUnit("demo", 0).withRelation(r)
        .withRelation(r.withRemoteAppData(Map.of("v", "1")));
    assertEquals(1, s.relations().size());
    assertEquals(Map.of("v", "1"), s.requireRelation(1).remoteAppData());
    assertThrows(IllegalStateException.class, () -> RelationState.peer("p", 2).withRemoteUnits(1));
    assertThrows(IllegalArgumentException.class, () -> s.requireRelation(9));
  }

  @Test
  void portsParseAndPrintInJujusNotationAndSortLikeOpenedPorts() {
    assertEquals(Port.tcp(80), Port.parse("80"));
    assertEquals(Port.range(8000, 8100, "udp"), Port.parse("8000-8100/UDP"));
    assertEquals("icmp", Port.parse("icmp").toString());
    assertEquals("8000-8100/udp", Port.range(8000, 8100, "udp").toString());
    assertEquals(List.of(Port.tcp(22), Port.tcp(80), Port.udp(53)),
        List.copyOf(new TreeSet<>(List.of(Port.udp(53), Port.tcp(80), Port.tcp(22)))));
    assertThrows(IllegalArgumentException.class, () -> Port.parse("1-2-3"));
  }

  @Test
  void statusesAreCheckedAndCompareByValue() {
    assertEquals(Status.active("x"), new Status("active", "x"));
    assertThrows(IllegalArgumentException.class, () -> new Status("happy", ""));
  }

  @Test
  void aMissingCharmDirectoryIsAClearError() {
    HarnessException e = assertThrows(HarnessException.class,
        () -> CharmSpec.load(java.nio.file.Path.of("no/such/charm")));
    assertTrue(e.getMessage().contains("no/such/charm"), e.getMessage());
  }

  @Test
  void theCharmSpecReadsAllThreeFiles() {
    CharmSpec charm = Scenes.CHARM;
    assertEquals(List.of("website", "db", "cluster"), charm.endpoints());
    assertTrue(charm.isPeer("cluster"));
    assertEquals(Map.of("data", "filesystem"), charm.storage());
    assertTrue(charm.bindings().contains("admin-net"));
    assertEquals(Map.of("target", "/tmp/backup"), charm.actions().get("backup").defaults());
    assertFalse(charm.actions().get("tune").additionalProperties());
  }
}
