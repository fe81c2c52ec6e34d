package charms.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.state.MemoryStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @hook} pattern that can match no hook of the charm (a typo) fails every hook at its
 * start, naming the handler, the pattern and the hook probably meant, before any handler runs.
 */
class HookPatternCheckTest {
  @TempDir
  Path charmDir;
  final MemoryStateStore store = new MemoryStateStore();
  final List<String> ran = new ArrayList<>();

  @BeforeEach
  void metadata() throws IOException {
    Files.writeString(charmDir.resolve("metadata.yaml"), String.join("\n",
        "name: web",
        "requires:",
        "  db: {interface: pgsql}",
        "peers:",
        "  cluster: {interface: web-peers}",
        "storage:",
        "  data: {type: filesystem}",
        "containers:",
        "  app: {resource: app-image}",
        ""));
    Files.writeString(charmDir.resolve("actions.yaml"), "backup:\n  description: back up\n");
  }

  Handler hook(String id, String... patterns) {
    return Handler.named(id).hook(patterns).invoke(ctx -> ran.add(id));
  }

  HookRun run(String hookName, Handler... handlers) {
    ReactiveCharm charm = ReactiveCharm.builder()
        .handler(Handler.named("other").whenNot("x").invoke(ctx -> ran.add("other")))
        .handler(handlers).stateStore(s -> store).log(s -> (level, message) -> { }).build();
    return charm.execute(HookEnvironment.of(Map.of("JUJU_HOOK_NAME", hookName, "CHARM_DIR",
        charmDir.toString())));
  }

  String failure(String hookName, Handler... handlers) {
    HookRun run = run(hookName, handlers);
    assertFalse(run.succeeded(), "the hook should fail");
    assertFalse(run.committed());
    assertEquals(List.of(), ran, "no handler ran");
    Throwable error = run.error().orElseThrow();
    assertTrue(error instanceof HandlerDefinitionException, error::toString);
    return error.getMessage();
  }

  @Test
  void aMisspeltHookFailsTheHookNamingHandlerPatternAndTheHookMeant() {
    assertEquals("handler web.install: hook pattern 'instal' can match no hook of charm web (given its "
        + "metadata.yaml and Juju's hook names); did you mean install?",
        failure("install", hook("web.install", "instal")));
  }

  @Test
  void aMisspeltOrUndeclaredRelationHookIsAnError() {
    String message = failure("config-changed", hook("web.db", "db-relation-joind"),
        hook("web.cache", "cache-relation-joined"));
    assertTrue(message.contains("handler web.db: hook pattern 'db-relation-joind'"), message);
    assertTrue(message.contains("did you mean db-relation-joined?"), message);
    assertTrue(message.contains("handler web.cache: hook pattern 'cache-relation-joined' can match no hook"),
        "every problem is listed: " + message);
  }

  @Test
  void aRoleAndInterfaceTheCharmDoesNotDeclareIsAnError() {
    assertTrue(failure("install", hook("web.mysql", "{requires:mysql}-relation-joined"))
        .contains("it names a relation role and interface the charm does not declare"));
  }

  @Test
  void everyKindOfJujuHookOfTheCharmIsAccepted() {
    HookRun run = run("install",
        hook("a", "install"),
        hook("b", "{requires:pgsql}-relation-{joined,changed}"),
        hook("c", "cluster-relation-departed", "leader-settings-changed"),
        hook("d", "data-storage-attached", "app-pebble-ready"),
        hook("e", "backup", "secret-changed", "{nosuch,update-status}"));
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertEquals(List.of("a", "other"), ran);
  }

  @Test
  void withoutMetadataNothingIsChecked() throws IOException {
    Files.delete(charmDir.resolve("metadata.yaml"));
    HookRun run = run("install", hook("web.install", "instal"));
    assertTrue(run.succeeded(), () -> String.valueOf(run.error()));
    assertEquals(List.of("other"), ran);
  }
}
