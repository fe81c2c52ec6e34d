package charms.reactive.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.Handler;
import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relation fields as stable inputs ({@code relation:<endpoint>:<field>}) and as hook-scoped facts. */
class RelationInputsAndFactsTest {
  @TempDir
  Path dir;
  TestUnit unit;
  final List<String> ran = new ArrayList<>();

  @BeforeEach
  void setUp() {
    unit = new TestUnit(dir, "app/0", TestInterfaces.METADATA);
    unit.charm(ReactiveCharm.builder()
        .use(Relations.builder().build())
        .handler(
            Handler.named("render").when("endpoint.cache.joined").inputs("relation:cache:host")
                .invoke(ctx -> ran.add("render")),
            Handler.named("host-changed").whenChanged("endpoint.cache.host").invoke(ctx -> ran.add("host-changed")),
            Handler.named("any-changed").whenChanged("endpoint.cache").invoke(ctx -> ran.add("any-changed")),
            Handler.named("departed").whenChanged("endpoint.cache.departed").invoke(ctx -> ran.add("departed")))
        .build());
  }

  HookRun hook(String event) {
    ran.clear();
    HookRun run = unit.relationHook("cache:4", event, "redis/0");
    assertTrue(run.succeeded(), () -> "hook failed: " + run.error());
    return run;
  }

  @Test
  void aFieldChangeIsAFactForOneHookAndAnInputOfTheStableHandler() {
    TestUnit.Rel rel = unit.relation("cache", 4, "redis").unit("redis/0", Map.of("host", "10.0.0.1", "port", "1"));
    hook("joined");
    assertEquals(List.of("render", "host-changed", "any-changed"), ran);
    hook("changed");
    assertEquals(List.of(), ran, "same data: no fact, same inputs");

    rel.remote("redis/0", "port", "2");
    hook("changed");
    assertEquals(List.of("any-changed"), ran, "port is neither the input nor the fact asked for");

    rel.remote("redis/0", "host", "10.0.0.2");
    HookRun changed = hook("changed");
    assertEquals(List.of("render", "host-changed", "any-changed"), ran);
    assertTrue(changed.trace().render().contains("inputs changed: relation:cache:host"), changed.trace().render());

    rel.depart("redis/0");
    HookRun departed = hook("departed");
    assertTrue(ran.contains("departed"), ran::toString);
    assertTrue(departed.flags().containsKey("endpoint.cache.departed"), "the original's flag keeps working");
    ran.clear();
    assertTrue(unit.hook("update-status").succeeded());
    assertFalse(ran.contains("departed"), "the fact ended with its hook");
  }

  @Test
  void anUndeclaredEndpointInAnInputIsAnErrorNamingIt() {
    unit.charm(ReactiveCharm.builder().use(Relations.builder().build())
        .handler(Handler.named("render").inputs("relation:cahce:host").invoke(ctx -> { }))
        .build());
    unit.relation("cache", 4, "redis").unit("redis/0", Map.of("host", "h"));
    HookRun run = unit.relationHook("cache:4", "joined", "redis/0");
    assertFalse(run.succeeded());
    String message = run.error().orElseThrow().getMessage();
    assertTrue(message.contains("render") && message.contains("relation:cahce:host")
        && message.contains("'cahce'"), message);
  }
}
