package charms.reactive.relations;

import org.junit.jupiter.api.AfterEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.Hook;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.When;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The older conversation API with this framework's differences (own hooks only, scoped departure, cleanup). */
class ConversationsTest {
  static final String METADATA = String.join("\n",
      "name: app",
      "requires:",
      "  backend: {interface: http}",
      "  other: {interface: http}",
      "  cache: {interface: kv}",
      "  svc: {interface: svc}",
      "  queue: {interface: mq}",
      "");

  /** Unit scope: one conversation per remote unit. */
  public static class HttpRequires extends RelationBase {
    @Hook("{requires:http}-relation-{joined,changed}")
    public void changed() {
      Conversation conv = conversation();
      conv.toggleState("{relation_name}.available", conv.getRemote("port") != null);
      conv.setRemote("want", "yes");
      conv.setLocal("seen", conv.units().size());
    }

    @Hook("{requires:http}-relation-departed")
    public void departed() {
      conversation().removeState("{relation_name}.available");
    }
  }

  /** Global scope: a single conversation. */
  public static class KvRequires extends RelationBase {
    @Override
    public Scope scope() {
      return Scope.GLOBAL;
    }

    @Hook("{requires:kv}-relation-joined")
    public void joined() {
      setState("{relation_name}.connected");
    }
  }

  /** Service scope: one conversation per remote application. */
  public static class SvcRequires extends RelationBase {
    @Override
    public Scope scope() {
      return Scope.SERVICE;
    }

    @Hook("{requires:svc}-relation-joined")
    public void joined() {
      setState("{relation_name}.connected");
    }
  }

  /** A custom scope: one conversation per relation name and scope name. */
  public static class MqRequires extends RelationBase {
    @Override
    public Scope scope() {
      return Scope.custom("shared");
    }

    @Hook("{requires:mq}-relation-joined")
    public void joined() {
      conversation().setState("{relation_name}.ready");
    }
  }

  @TempDir
  Path dir;
  TestUnit unit;
  Consumer<Endpoints> inConfigChanged = e -> { };
  final List<Object> captured = new ArrayList<>();

  @AfterEach
  void closeUnit() {
    unit.close();
  }

  @BeforeEach
  void setUp() {
    unit = new TestUnit(dir, "app/0", METADATA);
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder()
            .relationBase("http", Role.REQUIRES, HttpRequires.class, HttpRequires::new)
            .relationBase("kv", Role.REQUIRES, KvRequires.class, KvRequires::new)
            .relationBase("svc", Role.REQUIRES, SvcRequires.class, SvcRequires::new)
            .relationBase("mq", Role.REQUIRES, MqRequires.class, MqRequires::new)
            .build())
        .handler(Handler.named("config").hook("config-changed")
            .invoke(ctx -> inConfigChanged.accept(ctx.service(Endpoints.class))))
        .handlers(new Object() {
          @When("backend.available")
          public void use(HttpRequires backend) {
            captured.add(backend.conversations().stream().map(Conversation::scope).toList());
          }
        })
        .build());
  }

  JsonNode record(String key) {
    return unit.committed().framework().get("relations:" + key);
  }

  static void ok(HookRun run) {
    assertTrue(run.succeeded(), () -> "" + run.error());
  }

  @Test
  void unitScopeKeepsOneConversationPerRemoteUnitAndAStateListsThem() throws Exception {
    unit.relation("backend", 1, "web").unit("web/0", Map.of("port", "80"))
        .unit("web/1", Map.of("port", "81"));
    ok(unit.relationHook("backend:1", "joined", "web/0"));
    HookRun second = unit.relationHook("backend:1", "joined", "web/1");
    ok(second);
    assertEquals(TestUnit.JSON.readTree("{\"conversations\":[\"reactive.conversations.backend:1.web/0\","
        + "\"reactive.conversations.backend:1.web/1\"],\"relation\":\"backend\"}"),
        second.flags().get("backend.available"));
    assertEquals(List.of(List.of("web/0", "web/1")), captured.subList(captured.size() - 1, captured.size()),
        "a handler parameter gets the relation base of the state, with its conversations");
    assertEquals("yes", unit.rel("backend:1").localUnitData().get("want"),
        "set_remote writes raw values, published at the end of the hook");
  }

  @Test
  void departureRemovesTheUnitAndTheEmptyConversationWithItsLocalData() {
    unit.relation("backend", 1, "web").unit("web/0", Map.of("port", "80"))
        .unit("web/1", Map.of("port", "81"));
    ok(unit.relationHook("backend:1", "joined", "web/0"));
    ok(unit.relationHook("backend:1", "joined", "web/1"));
    assertEquals(1, record("conversations.backend").get("reactive.conversations.backend:1.web/0")
        .path("local").path("seen").intValue());

    unit.rel("backend:1").depart("web/0");
    HookRun gone0 = unit.relationHook("backend:1", "departed", "web/0");
    ok(gone0);
    assertEquals("[\"reactive.conversations.backend:1.web/1\"]",
        gone0.flags().get("backend.available").get("conversations").toString());
    assertNull(record("conversations.backend").get("reactive.conversations.backend:1.web/0"),
        "the empty conversation and its local data are gone");

    unit.rel("backend:1").depart("web/1");
    HookRun gone1 = unit.relationHook("backend:1", "departed", "web/1");
    ok(gone1);
    assertFalse(gone1.flags().containsKey("backend.available"));
    assertNull(record("conversations.backend"));
  }

  @Test
  void aStateLeftOnlyByDepartedConversationsIsCleared() {
    // The interface forgets to remove its state on departure: the framework still does not leave
    // a state naming conversations that no longer exist (the original's from_flag then re-joined a junk one).
    unit.relation("cache", 5, "redis").unit("redis/0", Map.of());
    ok(unit.relationHook("cache:5", "joined", "redis/0"));
    unit.rel("cache:5").depart("redis/0");
    HookRun gone = unit.relationHook("cache:5", "departed", "redis/0");
    ok(gone);
    assertFalse(gone.flags().containsKey("cache.connected"));
  }

  @Test
  void outsideItsOwnHooksAUnitScopedRelationHasNoCurrentConversationAndJoinsNothing() {
    unit.relation("backend", 1, "web").unit("web/0", Map.of("port", "80"));
    ok(unit.relationHook("backend:1", "joined", "web/0"));
    JsonNode before = record("conversations.backend");
    List<String> errors = new ArrayList<>();
    inConfigChanged = e -> {
      HttpRequires http = e.relationBase("backend", HttpRequires.class);
      try {
        http.conversation();
      } catch (RelationException ex) {
        errors.add(ex.getMessage());
      }
      errors.add(http.conversation("web/0").getRemote("port"));
    };
    ok(unit.hook("config-changed"));
    assertTrue(errors.get(0).contains("no current conversation in hook config-changed"), errors.get(0));
    assertEquals("80", errors.get(1), "an explicit scope still works anywhere");
    assertEquals(before, record("conversations.backend"), "no junk conversation was created");
    assertTrue(unit.committed().framework().keySet().stream().noneMatch(k -> k.contains("None")));
  }

  @Test
  void anotherRelationsHookDoesNotJoinThisRelationsConversations() {
    unit.relation("backend", 1, "web").unit("web/0", Map.of());
    unit.relation("other", 2, "web2").unit("web2/0", Map.of("port", "1"));
    ok(unit.relationHook("backend:1", "joined", "web/0"));
    ok(unit.relationHook("other:2", "joined", "web2/0"));
    assertEquals(List.of("reactive.conversations.backend:1.web/0"),
        fieldNames(record("conversations.backend")), "other's unit is not in backend's conversations");
    assertEquals(List.of("reactive.conversations.other:2.web2/0"), fieldNames(record("conversations.other")));
  }

  @Test
  void globalScopeLosesDepartedUnitsToo() {
    unit.relation("cache", 5, "redis").unit("redis/0", Map.of());
    unit.relation("cache", 6, "memc").unit("memc/0", Map.of());
    ok(unit.relationHook("cache:5", "joined", "redis/0"));
    HookRun both = unit.relationHook("cache:6", "joined", "memc/0");
    ok(both);
    assertEquals("[\"memc/0\",\"redis/0\"]",
        record("conversations.cache").get("reactive.conversations.cache.global").get("units").toString());
    unit.rel("cache:5").depart("redis/0");
    ok(unit.relationHook("cache:5", "departed", "redis/0"));
    assertEquals("[\"memc/0\"]",
        record("conversations.cache").get("reactive.conversations.cache.global").get("units").toString(),
        "the original departed in the unit scope, so a global conversation kept every unit");
  }

  @Test
  void serviceScopeGroupsByRemoteApplication() {
    unit.relation("svc", 8, "api").unit("api/0", Map.of()).unit("api/1", Map.of());
    ok(unit.relationHook("svc:8", "joined", "api/0"));
    HookRun run = unit.relationHook("svc:8", "joined", "api/1");
    ok(run);
    JsonNode conv = record("conversations.svc").get("reactive.conversations.svc:8.api");
    assertEquals("[\"api/0\",\"api/1\"]", conv.get("units").toString());
    unit.rel("svc:8").depart("api/1");
    ok(unit.relationHook("svc:8", "departed", "api/1"));
    assertEquals("[\"api/0\"]",
        record("conversations.svc").get("reactive.conversations.svc:8.api").get("units").toString());
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aCustomScopeHasOneConversationAcrossRelationsReachableAnywhere() {
    unit.relation("queue", 9, "rabbit").unit("rabbit/0", Map.of("url", "amqp://a"));
    unit.relation("queue", 10, "kafka").unit("kafka/0", Map.of());
    ok(unit.relationHook("queue:9", "joined", "rabbit/0"));
    HookRun second = unit.relationHook("queue:10", "joined", "kafka/0");
    ok(second);
    assertEquals(List.of("reactive.conversations.queue.shared"), fieldNames(record("conversations.queue")));
    assertEquals("[\"kafka/0\",\"rabbit/0\"]",
        record("conversations.queue").get("reactive.conversations.queue.shared").get("units").toString());
    List<String> seen = new ArrayList<>();
    inConfigChanged = e -> {
      MqRequires mq = e.relationBase("queue", MqRequires.class);
      seen.add(mq.conversation().scope());
      seen.add(mq.conversation("shared").getRemote("url"));
      seen.add(String.valueOf(mq.isState("{relation_name}.ready")));
      seen.add(mq.conversation().relationIds().toString());
    };
    ok(unit.hook("config-changed"));
    assertEquals(List.of("shared", "amqp://a", "true", "[queue:9, queue:10]"), seen,
        "a custom scope's conversation spans every relation of the name, in any hook");
  }
}
