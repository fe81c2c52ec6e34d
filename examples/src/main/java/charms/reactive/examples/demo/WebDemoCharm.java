package charms.reactive.examples.demo;

import charms.reactive.DispatchSettings;
import charms.reactive.Flags;
import charms.reactive.HandlerId;
import charms.reactive.Hook;
import charms.reactive.HookEnvironment;
import charms.reactive.ReactiveCharm;
import charms.reactive.RelationRef;
import charms.reactive.When;
import charms.reactive.WhenChanged;
import charms.reactive.WhenNot;
import charms.reactive.examples.seed.SeedCharm;
import charms.reactive.fs.FsExtension;
import charms.reactive.fs.ProcessRunner;
import charms.reactive.juju.HookTools;
import charms.reactive.juju.Juju;
import charms.reactive.juju.StatusReporter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The README's demonstration charm: the seed's two handlers (render the config when
 * {@code db.database.available} and {@code admin-pass} are set; restart when the file changed),
 * plus the handlers that feed them from Juju (the database relation's data, the
 * {@code admin-pass} option) and report status by priority, and the {@code show-config} action.
 * Handlers run in the order written.
 *
 * <p>Written with stable handlers and hook-scoped facts: every flags-only handler is stable
 * ({@link DispatchSettings#stableByDefault()}), so it runs only when the flags it reads (with
 * their values) changed since it last ran, and the password is taken when the fact
 * {@code config.admin-pass} holds. An idle {@code update-status} runs no handler, renders nothing
 * and restarts nothing. {@link OriginalWebDemoCharm} is the same charm written as charms were
 * written for the original framework, for comparison.
 *
 * <p>Packed by {@code charm:pack} (this module's POM) with this class as the main class: the
 * config file is {@code $APP_CONFIG}, else {@link SeedCharm#CONFIG_FILE}.
 */
public final class WebDemoCharm {
  private final Path configFile;

  private WebDemoCharm(Path configFile) {
    this.configFile = configFile;
  }

  /** One hook of the packed charm. */
  public static void main(String[] args) {
    String config = System.getenv("APP_CONFIG");
    Path file = config == null || config.isEmpty() ? SeedCharm.CONFIG_FILE : Path.of(config);
    System.exit(charm(file, ProcessRunner.system()).run());
  }

  /** The whole charm; {@code processes} receives the service commands. */
  public static ReactiveCharm charm(Path configFile, ProcessRunner processes) {
    return ReactiveCharm.builder()
        .use(Juju.integration())
        .use(FsExtension.defaults().withProcessRunner(processes))
        .settings(DispatchSettings.defaults().withStableByDefault(true))
        .handlers(new WebDemoCharm(configFile))
        .handler(SeedCharm.handlers(configFile).toArray(charms.reactive.Handler[]::new))
        .build();
  }

  /**
   * The {@code show-config} action's parameters, as {@code actions.yaml} declares them.
   *
   * @param lines how many lines of the file to return
   * @param showPassword whether the password line is returned as it is
   */
  public record ShowConfig(int lines, @JsonProperty("show-password") boolean showPassword) {
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

  /** Asks the database for one named after this application. */
  @Hook("{requires:pgsql}-relation-joined")
  @HandlerId("web.request-database")
  public void requestDatabase(HookEnvironment env, HookTools tools) {
    tools.relationSet(env.relation().orElseThrow(), Map.of("database", env.appName().orElseThrow()), false);
  }

  /**
   * The {@code show-config} action: the rendered file's first lines as the result
   * {@code config.text} (the password masked unless asked), its size as {@code config.lines};
   * fails, saying why, while nothing is rendered.
   */
  @Hook("show-config")
  @HandlerId("web.show-config")
  public void showConfig(HookTools tools) throws IOException {
    ShowConfig params = tools.actionGet(ShowConfig.class);
    if (!Files.isRegularFile(configFile)) {
      tools.actionFail("nothing rendered yet: relate a database (db) and set admin-pass");
      return;
    }
    List<String> lines = Files.readAllLines(configFile);
    String text = lines.stream().limit(params.lines())
        .map(line -> !params.showPassword() && line.startsWith("password") ? "password = ***" : line)
        .collect(Collectors.joining("\n"));
    tools.actionSet(Map.of("config.path", configFile.toString(),
        "config.lines", String.valueOf(lines.size()), "config.text", text));
  }

  @Hook("{requires:pgsql}-relation-{departed,broken}")
  @HandlerId("web.database-gone")
  public void databaseGone(HookEnvironment env, Flags flags) {
    flags.clear(env.relationEndpoint().orElseThrow() + ".database.available");
  }

  @WhenChanged("config.admin-pass")
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
