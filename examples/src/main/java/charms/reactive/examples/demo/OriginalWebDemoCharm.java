package charms.reactive.examples.demo;

import charms.reactive.Flags;
import charms.reactive.HandlerId;
import charms.reactive.Hook;
import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.ReactiveCharm;
import charms.reactive.RelationRef;
import charms.reactive.When;
import charms.reactive.WhenNot;
import charms.reactive.examples.seed.SeedCharm;
import charms.reactive.fs.FsExtension;
import charms.reactive.fs.ProcessRunner;
import charms.reactive.fs.Services;
import charms.reactive.fs.Templates;
import charms.reactive.juju.HookTools;
import charms.reactive.juju.Juju;
import charms.reactive.juju.StatusReporter;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * The web demo charm written the way charms were written for the original framework, kept to
 * compare with {@link WebDemoCharm}: the same relation and config handlers, but one handler,
 * {@code @when('db.database.available', 'admin-pass')}, renders the config and restarts the
 * service, and runs in every hook in which those flags are set (every {@code update-status}
 * included), and the password is taken on the {@code config.changed.admin-pass} flag. No
 * stable handlers, no facts.
 */
public final class OriginalWebDemoCharm {
  private final Path configFile;

  private OriginalWebDemoCharm(Path configFile) {
    this.configFile = configFile;
  }

  /** The whole charm; {@code processes} receives the service commands. */
  public static ReactiveCharm charm(Path configFile, ProcessRunner processes) {
    return ReactiveCharm.builder()
        .use(Juju.integration())
        .use(FsExtension.defaults().withProcessRunner(processes))
        .handlers(new OriginalWebDemoCharm(configFile))
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

  @Hook("{requires:pgsql}-relation-joined")
  @HandlerId("web.request-database")
  public void requestDatabase(HookEnvironment env, HookTools tools) {
    tools.relationSet(env.relation().orElseThrow(), Map.of("database", env.appName().orElseThrow()), false);
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

  /** Renders and restarts, as {@code render(...); host.service_restart(...)} did. */
  @When({"db.database.available", "admin-pass"})
  @HandlerId("seed.configure")
  public void configure(HookContext context, Templates templates, Services services) {
    templates.render(SeedCharm.TEMPLATE, configFile, SeedCharm.templateContext(context),
        SeedCharm.CONFIG_ATTRIBUTES);
    services.restart(SeedCharm.SERVICE);
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
