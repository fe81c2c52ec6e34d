package charms.reactive.examples.seed;

import charms.reactive.Handler;
import charms.reactive.HookContext;
import charms.reactive.ReactiveCharm;
import charms.reactive.ReactiveException;
import charms.reactive.fs.FileAttributes;
import charms.reactive.fs.FileConditions;
import charms.reactive.fs.FsExtension;
import charms.reactive.fs.Services;
import charms.reactive.fs.Templates;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The seed example, in Java: when {@code db.database.available} and {@code admin-pass} are set,
 * render {@code templates/app-config.j2} to the application's config file; when that file changed,
 * restart the service.
 *
 * <p>The database's address travels as the value of the {@code db.database.available} flag (an
 * object with {@code host}, {@code port} and {@code user}), and the password as the value of the
 * {@code admin-pass} flag: whatever sets those flags (a database interface, a config source)
 * publishes them. Rendering is idempotent, so the render handler may run in every hook: the file is
 * rewritten only when its content changes, and only a change fires the restart (in the next
 * iteration of the same hook).
 *
 * <p>A hook's {@code main} is:
 *
 * <pre>{@code
 * System.exit(SeedCharm.charm(SeedCharm.CONFIG_FILE).build().run());
 * }</pre>
 */
public final class SeedCharm {
  /** Where the application reads its configuration on a unit. */
  public static final Path CONFIG_FILE = Path.of("/etc/seed-app/app.conf");
  /** The systemd unit of the application. */
  public static final String SERVICE = "seed-app";
  /** The template, under {@code $CHARM_DIR/templates}. */
  public static final String TEMPLATE = "app-config.j2";
  /** The config file holds a password: readable by its owner and group only. */
  public static final FileAttributes CONFIG_ATTRIBUTES = FileAttributes.mode(0640);

  private SeedCharm() {
  }

  public static void main(String[] args) {
    System.exit(charm(CONFIG_FILE).build().run());
  }

  /** The charm, with this module's services, ready for {@code build()} (tests add their parts). */
  public static ReactiveCharm.Builder charm(Path configFile) {
    return ReactiveCharm.builder().use(FsExtension.defaults()).handler(handlers(configFile).toArray(Handler[]::new));
  }

  /** The two handlers, rendering to {@code configFile}. */
  public static List<Handler> handlers(Path configFile) {
    Handler render = Handler.named("seed.render-config")
        .when("db.database.available", "admin-pass")
        .run(ctx -> Mono.fromCallable(() -> ctx.service(Templates.class)
                .render(TEMPLATE, configFile, templateContext(ctx), CONFIG_ATTRIBUTES))
            .filter(Boolean::booleanValue)
            .doOnNext(changed -> ctx.log().info("rendered " + configFile)));
    Handler restart = Handler.named("seed.restart")
        .condition(FileConditions.whenFileChanged(configFile))
        .invoke(ctx -> ctx.service(Services.class).restart(SERVICE));
    return List.of(render, restart);
  }

  /** What the template sees: {@code db} (host, port, user) and {@code admin_pass}. */
  public static Map<String, Object> templateContext(HookContext ctx) {
    JsonNode db = ctx.flags().value("db.database.available")
        .filter(JsonNode::isObject)
        .orElseThrow(() -> new ReactiveException(
            "flag db.database.available carries no database details (host, port, user)"));
    String password = ctx.flags().value("admin-pass")
        .filter(JsonNode::isTextual)
        .map(JsonNode::textValue)
        .orElseThrow(() -> new ReactiveException("flag admin-pass carries no password"));
    return Map.of("db", db, "admin_pass", password);
  }
}
