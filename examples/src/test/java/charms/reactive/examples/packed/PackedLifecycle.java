package charms.reactive.examples.packed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.PackedEntry;
import charms.reactive.testing.RelationState;
import charms.reactive.testing.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A packed example charm (this module's {@code charm:pack} output, {@code target/charms/<name>})
 * run as Juju runs it, one hook process at a time through the charm's own entry point, with the
 * harness's executable fake hook tools, the Java of this JVM as {@code JAVA_HOME} and a fake
 * {@code systemctl} that records restarts. Both seed charms behave the same way, so one
 * lifecycle checks either: install → config-changed → leader-elected → db joined → changed →
 * departed → update-status → stop → remove.
 */
final class PackedLifecycle implements AutoCloseable {
  /** The hooks {@link #runLifecycle} runs. */
  static final List<String> HOOKS = List.of("install", "config-changed", "leader-elected",
      "db-relation-joined", "db-relation-changed", "db-relation-departed", "update-status", "stop",
      "remove");
  final Path charm;
  final Path config;
  final Path restarts;
  final Harness harness;
  JujuState state;

  PackedLifecycle(String name, Path work, PackedEntry entry, Function<Path, Path> prepare) throws IOException {
    Path packed = Path.of("target/charms").resolve(name);
    assertTrue(Files.isExecutable(packed.resolve("dispatch")),
        "pack the example charms first (mvn verify packs them before the integration tests): " + packed);
    this.charm = prepare.apply(packed);
    Path bin = Files.createDirectories(work.resolve("bin"));
    this.config = work.resolve("etc/app.conf");
    this.restarts = work.resolve("systemctl.log");
    Path systemctl = bin.resolve("systemctl");
    Files.writeString(systemctl, "#!/bin/sh\necho \"$*\" >> '" + restarts + "'\n");
    Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwx------"));
    this.harness = Harness.builder(charm).packed(entry)
        .basePath(bin + ":" + System.getenv("PATH"))
        .environment("JAVA_HOME", System.getProperty("java.home"))
        .environment("APP_CONFIG", config.toString())
        .build();
    this.state = harness.state().withLeader(true);
  }

  HookOutcome run(HookEvent event) {
    HookOutcome out = harness.run(event, state);
    assertEquals(0, out.exitCode(), () -> event + " failed:\n" + out.stdout() + out.stderr());
    state = out.state();
    return out;
  }

  List<String> restarts() throws IOException {
    return Files.exists(restarts) ? Files.readAllLines(restarts) : List.of();
  }

  /** The whole lifecycle, asserting flags, relation data, status and the rendered file. */
  void runLifecycle(String appName, List<String> restartCommand) throws IOException {
    run(HookEvent.install());
    assertFalse(Files.exists(config));

    state = state.withConfig("admin-pass", "s3cret");
    HookOutcome configChanged = run(HookEvent.configChanged());
    assertEquals(Status.blocked("waiting for a database relation (db)"), configChanged.state().unitStatus());

    run(HookEvent.leaderElected());

    RelationState db = RelationState.of("db", 4, "postgresql").withInterface("pgsql")
        .withRemoteUnit("postgresql/0", Map.of("host", "10.0.0.7", "port", "5432", "user", "app"));
    state = state.withRelation(db);
    HookOutcome joined = run(HookEvent.relationJoined(db, "postgresql/0"));
    assertEquals(appName, joined.state().requireRelation(4).localUnitData().get("database"),
        "the charm asked for its database");
    assertTrue(joined.state().hasFlag("db.database.available"), joined.state().flags()::toString);
    assertEquals(Status.active("ready"), joined.state().unitStatus());
    String rendered = Files.readString(config);
    assertTrue(rendered.contains("host = 10.0.0.7") && rendered.contains("password = s3cret"), rendered);
    assertEquals(List.of(restartCommand), restarts().stream().map(l -> List.of(l.split(" "))).toList());

    HookOutcome changed = run(HookEvent.relationChanged(state.requireRelation(4), "postgresql/0"));
    assertEquals(Status.active("ready"), changed.state().unitStatus());
    assertEquals(1, restarts().size(), "the same data renders the same file: no restart");

    HookOutcome departed = run(HookEvent.relationDeparted(state.requireRelation(4), "postgresql/0", "postgresql/0"));
    assertFalse(departed.state().hasFlag("db.database.available"));
    assertEquals(Status.blocked("waiting for a database relation (db)"), departed.state().unitStatus());
    state = state.withoutRelation(4);

    HookOutcome updateStatus = run(HookEvent.updateStatus());
    assertEquals(Status.blocked("waiting for a database relation (db)"), updateStatus.state().unitStatus());
    run(HookEvent.stop());
    run(HookEvent.remove());
    assertTrue(Files.readString(config).contains("host = 10.0.0.7"), "nothing removes the rendered file");
  }

  /** A copy of a packed charm (modes kept, symlinks copied as symlinks), to change in a test. */
  static Path copy(Path from, Path to) {
    try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
              java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
      }
      return to;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Replaces every hooks/<name> entry of {@code charm} by a symlink to {@code target}. */
  static Path symlinkHooks(Path charm, String target) {
    try (java.util.stream.Stream<Path> hooks = Files.list(charm.resolve("hooks"))) {
      for (Path hook : hooks.filter(Files::isRegularFile).toList()) {
        Files.delete(hook);
        Files.createSymbolicLink(hook, Path.of(target));
      }
      return charm;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    harness.close();
  }
}
