package charms.reactive.examples.bash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.ReactiveCharm;
import charms.reactive.bash.ExternalHandlers;
import charms.reactive.juju.Juju;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.RelationState;
import charms.reactive.testing.SequenceOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed example as a bash-only charm (examples/charms/bash-seed), end to end: every handler
 * is a bash function run as a real process, calling the harness's fake hook tools as real
 * executables and the charms.reactive command line over the hook's channel.
 */
class BashSeedCharmTest {
  static final Path CHARM = Path.of("charms/bash-seed");

  @TempDir
  Path work;
  Path config;
  Path serviceLog;
  Harness harness;

  @BeforeEach
  void harness() throws Exception {
    config = work.resolve("etc/app.conf");
    serviceLog = work.resolve("systemctl.log");
    Path systemctl = work.resolve("systemctl");
    Files.writeString(systemctl, "#!/bin/sh\necho \"$*\" >> '" + serviceLog + "'\n");
    Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwx------"));
    // A bash-only charm: no interface implementation of this module's Java examples may serve it.
    harness = Harness.builder(CHARM).charm(ReactiveCharm.builder().use(Juju.integration())
            .use(ExternalHandlers.discover()).build())
        .environment("APP_CONFIG", config.toString())
        .environment("SERVICE_CTL", systemctl.toString())
        .environment("CHARMS_REACTIVE_STATE_FILE", work.resolve("unused-state.json").toString())
        .build();
  }

  @AfterEach
  void close() {
    harness.close();
  }

  List<String> restarts() throws Exception {
    return Files.exists(serviceLog) ? Files.readAllLines(serviceLog) : List.of();
  }

  static RelationState database(String password) {
    return RelationState.of("db", 3, "postgresql").withInterface("pgsql")
        .withRemoteUnit("postgresql/0", Map.of("host", "10.0.0.7", "port", "5432", "user", "app"));
  }

  @Test
  void theWholeLifecycleRendersAndRestartsOnlyWhenTheFileChanged() throws Exception {
    JujuState state = harness.state().withConfig("admin-pass", "s3cret");
    SequenceOutcome install = harness.runInstall(state);
    assertTrue(install.succeeded(), install::toString);
    state = install.finalState();
    assertEquals("blocked", state.unitStatus().name());
    assertTrue(state.unitStatus().message().contains("database"), state.unitStatus()::toString);
    assertFalse(Files.exists(config));

    RelationState db = database("s3cret");
    state = state.withRelation(db);
    SequenceOutcome joined = harness.runSequence(state, HookEvent.relationCreated(db),
        HookEvent.relationJoined(db, "postgresql/0"), HookEvent.relationChanged(db, "postgresql/0"));
    assertTrue(joined.succeeded(), joined::toString);
    state = joined.finalState();
    assertTrue(state.hasFlag("db.database.available"));
    String rendered = Files.readString(config);
    assertTrue(rendered.contains("host = 10.0.0.7") && rendered.contains("password = s3cret"), rendered);
    assertEquals(List.of("restart app"), restarts());
    assertEquals("active", state.unitStatus().name());

    HookOutcome steady = harness.run(HookEvent.updateStatus(), state);
    assertTrue(steady.succeeded(), steady::toString);
    assertEquals(List.of("restart app"), restarts(), "same inputs: no restart");
    state = steady.state();

    HookOutcome newPassword = harness.run(HookEvent.configChanged(), state.withConfig("admin-pass", "n3w"));
    assertTrue(newPassword.succeeded(), newPassword::toString);
    assertTrue(Files.readString(config).contains("password = n3w"));
    assertEquals(List.of("restart app", "restart app"), restarts());
    state = newPassword.state();

    HookOutcome departed = harness.run(HookEvent.relationDeparted(state.requireRelation(3), "postgresql/0"), state);
    assertTrue(departed.succeeded(), departed::toString);
    assertFalse(departed.state().hasFlag("db.database.available"));
    assertEquals("blocked", departed.state().unitStatus().name());
    RelationState leaving = departed.state().requireRelation(3).withoutRemoteUnit("postgresql/0");
    HookOutcome broken = harness.run(HookEvent.relationBroken(leaving), departed.state().withRelation(leaving));
    assertTrue(broken.succeeded(), broken::toString);
    assertFalse(broken.state().hasFlag("db.database.available"));
  }

  @Test
  void configAndRelationValuesAreRenderedLiterallyNeverAsTemplates() throws Exception {
    // render_template's context is the handler's environment, which holds the channel token:
    // an untrusted value that is itself a template must not print it, or evaluate anything.
    RelationState db = RelationState.of("db", 3, "postgresql").withInterface("pgsql")
        .withRemoteUnit("postgresql/0", Map.of("host", "A{{ 7*7 }}B",
            "port", "{% for i in range(3) %}L{% endfor %}", "user", "{{ ''.getClass() }}"));
    JujuState state = harness.state().withConfig("admin-pass", "{{ CHARMS_REACTIVE_TOKEN }}")
        .withRelation(db);
    HookOutcome changed = harness.run(HookEvent.relationChanged(db, "postgresql/0"), state);
    assertTrue(changed.succeeded(), changed::toString);
    String rendered = Files.readString(config);
    assertTrue(rendered.contains("host = A{{ 7*7 }}B\n"), rendered);
    assertTrue(rendered.contains("port = {% for i in range(3) %}L{% endfor %}\n"), rendered);
    assertTrue(rendered.contains("user = {{ ''.getClass() }}\n"), rendered);
    assertTrue(rendered.endsWith("password = {{ CHARMS_REACTIVE_TOKEN }}"), rendered);
  }

  /** The test's class path without this module's own classes: the framework, as reactive-main has it. */
  static String frameworkOnlyClassPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.replace('\\', '/').contains("examples/target/"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  @Test
  void aHookRunAsItsOwnJvmBehavesTheSame() throws Exception {
    try (Harness process = Harness.builder(CHARM)
        .process("charms.reactive.bash.ReactiveMain", frameworkOnlyClassPath())
        .environment("APP_CONFIG", config.toString())
        .environment("SERVICE_CTL", work.resolve("systemctl").toString())
        .build()) {
      RelationState db = database("s3cret");
      JujuState state = process.state().withConfig("admin-pass", "s3cret").withRelation(db);
      HookOutcome changed = process.run(HookEvent.relationChanged(db, "postgresql/0"), state);
      assertEquals(0, changed.exitCode(), changed::toString);
      assertTrue(changed.state().hasFlag("db.database.available"));
      assertTrue(Files.readString(config).contains("user = app"));
      assertEquals(List.of("restart app"), restarts());
      assertFalse(changed.calls("status-set").isEmpty());
    }
  }
}
