package charms.reactive.examples.demo;

import charms.reactive.Flags;
import charms.reactive.HandlerId;
import charms.reactive.Hook;
import charms.reactive.HookEnvironment;
import charms.reactive.ReactiveCharm;
import charms.reactive.RelationRef;
import charms.reactive.When;
import charms.reactive.WhenNot;
import charms.reactive.examples.seed.SeedCharm;
import charms.reactive.fs.FsExtension;
import charms.reactive.fs.ProcessRunner;
import charms.reactive.juju.HookTools;
import charms.reactive.juju.Juju;
import charms.reactive.juju.StatusReporter;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * The README's demonstration charm: the seed's two handlers (render the config when
 * {@code db.database.available} and {@code admin-pass} are set; restart when the file changed),
 * plus the handlers that feed them from Juju (the database relation's data, the
 * {@code admin-pass} option) and report status by priority. Handlers run in the order written.
 */
public final class WebDemoCharm {

  /** The whole charm; {@code processes} receives the service commands. */
  public static ReactiveCharm charm(Path configFile, ProcessRunner processes) {
    return ReactiveCharm.builder()
        .use(Juju.integration())
        .use(FsExtension.defaults().withProcessRunner(processes))
        .handlers(new WebDemoCharm())
        .handler(SeedCharm.handlers(configFile).toArray(charms.reactive.Handler[]::new))
        .build();
  }

  @Hook("install")
  @HandlerId("web.install")
  public void install(StatusReporter status) {
    status.maintenance("installing");
  }

  @Hook("{requires:pgsql}-relation-{joined,changed}")
  @HandlerId("web.database-changed")
  public void databaseChanged(HookEnvironment env, HookTools tools, Flags flags) {
    RelationRef relation = env.relation().orElseThrow();
    Map<String, String> data = tools.relationGet(relation, env.remoteUnit().orElseThrow());
    if (data.containsKey("host") && data.containsKey("port")) {
      flags.set(relation.endpoint() + ".database.available",
          Map.of("host", data.get("host"), "port", data.get("port"), "user", data.getOrDefault("user", "")));
    } else {
      flags.clear(relation.endpoint() + ".database.available");
    }
  }

  @Hook("{requires:pgsql}-relation-{departed,broken}")
  @HandlerId("web.database-gone")
  public void databaseGone(HookEnvironment env, Flags flags) {
    flags.clear(env.relationEndpoint().orElseThrow() + ".database.available");
  }

  @When("config.changed.admin-pass")
  @HandlerId("web.admin-pass")
  public void adminPass(HookTools tools, Flags flags) {
    JsonNode password = tools.config().get("admin-pass");
    flags.toggle("admin-pass", password != null && !password.asText().isEmpty());
    if (flags.isSet("admin-pass")) {
      flags.set("admin-pass", password.asText());
    }
  }

  @WhenNot("db.database.available")
  @HandlerId("web.wait-for-database")
  public void waitForDatabase(StatusReporter status) {
    status.blocked("waiting for a database relation (db)");
  }

  @When("db.database.available")
  @WhenNot("admin-pass")
  @HandlerId("web.wait-for-password")
  public void waitForPassword(StatusReporter status) {
    status.blocked("set the admin-pass option");
  }

  @When({"db.database.available", "admin-pass"})
  @HandlerId("web.ready")
  public void ready(StatusReporter status) {
    status.active("ready");
  }
}
