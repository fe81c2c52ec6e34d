package charms.reactive.examples.pgsql;

import charms.reactive.Flags;
import charms.reactive.Handler;
import charms.reactive.HandlerId;
import charms.reactive.ReactiveCharm;
import charms.reactive.When;
import charms.reactive.WhenNot;
import charms.reactive.examples.seed.SeedCharm;
import charms.reactive.fs.FsExtension;
import charms.reactive.fs.ProcessRunner;
import charms.reactive.juju.HookTools;
import charms.reactive.juju.Juju;
import charms.reactive.juju.StatusReporter;
import charms.reactive.relations.Relations;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The seed's web application on the pgsql interface: the pgsql endpoint publishes
 * {@code db.database.available} (with the database's host, port and user) from the relation
 * data, the {@code admin-pass} option sets {@code admin-pass}, and the seed's handlers render the
 * config and restart the service. Status says what is missing. The relation handling is the
 * interface's: this charm has no relation hook handler at all.
 *
 * <p>A hook's {@code main}:
 *
 * <pre>{@code
 * System.exit(WebAppCharm.charm(SeedCharm.CONFIG_FILE, ProcessRunner.system()).run());
 * }</pre>
 */
public final class WebAppCharm {

  /** The whole charm; {@code processes} receives the service commands. */
  public static ReactiveCharm charm(Path configFile, ProcessRunner processes) {
    return ReactiveCharm.builder()
        .use(Juju.integration())
        .use(FsExtension.defaults().withProcessRunner(processes))
        .use(Relations.builder().discover().build())
        .handlers(new WebAppCharm())
        .handler(SeedCharm.handlers(configFile).toArray(Handler[]::new))
        .build();
  }

  @When("config.changed.admin-pass")
  @HandlerId("webapp.admin-pass")
  public void adminPass(HookTools tools, Flags flags) {
    JsonNode password = tools.config().get("admin-pass");
    if (password != null && password.isTextual() && !password.textValue().isEmpty()) {
      flags.set("admin-pass", password.textValue());
    } else {
      flags.clear("admin-pass");
    }
  }

  @WhenNot("db.connected")
  @HandlerId("webapp.no-database")
  public void noDatabase(StatusReporter status) {
    status.blocked("missing a database: relate db (pgsql)");
  }

  @When("db.connected")
  @WhenNot("db.database.available")
  @HandlerId("webapp.waiting-for-access")
  public void waitingForAccess(StatusReporter status) {
    status.waiting("waiting for the database to grant access");
  }

  @When("db.database.available")
  @WhenNot("admin-pass")
  @HandlerId("webapp.no-password")
  public void noPassword(StatusReporter status) {
    status.blocked("set the admin-pass option");
  }

  @When({"db.database.available", "admin-pass"})
  @HandlerId("webapp.ready")
  public void ready(StatusReporter status) {
    status.active("ready");
  }
}
