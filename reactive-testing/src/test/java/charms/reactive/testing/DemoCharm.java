package charms.reactive.testing;

import charms.reactive.Handler;
import charms.reactive.HandlerContext;
import charms.reactive.ReactiveCharm;
import charms.reactive.juju.ToolResult;
import charms.reactive.juju.ToolRunner;
import java.util.List;
import java.util.function.Supplier;

/**
 * A tiny charm written against the raw {@link ToolRunner} it gets from the hook's services: the
 * harness's fake in-process, real processes on {@code PATH} when run by {@link #main}.
 */
final class DemoCharm implements Supplier<ReactiveCharm> {

  /** Runs a tool; a non-zero exit fails the handler with the tool's stderr. */
  static String call(HandlerContext ctx, String tool, String... args) {
    ToolResult r = ctx.service(ToolRunner.class).run(tool, List.of(args), null);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(tool + " failed (" + r.exitCode() + "): " + r.stderr());
    }
    return r.stdout();
  }

  static ReactiveCharm.Builder builder() {
    return ReactiveCharm.builder().handler(
        Handler.named("install").hook("install").invoke(ctx -> {
          call(ctx, "status-set", "maintenance", "installing");
          call(ctx, "juju-log", "--log-level", "INFO", "--", "installing demo");
          ctx.flags().set("demo.installed");
        }),
        Handler.named("peered").hook("cluster-relation-created").invoke(ctx -> {
          ctx.flags().set("demo.peered");
        }),
        Handler.named("elected").hook("leader-elected").invoke(ctx -> {
          call(ctx, "leader-set", "seed=s33d");
          ctx.flags().set("demo.leader");
        }),
        Handler.named("configure").hook("config-changed").invoke(ctx -> {
          String port = call(ctx, "config-get", "port").trim();
          call(ctx, "open-port", port + "/tcp");
          ctx.data().set("port", Integer.parseInt(port));
          ctx.flags().set("demo.configured");
        }),
        Handler.named("start").hook("start").invoke(ctx -> {
          call(ctx, "status-set", "active", "serving on "
              + ctx.data().get("port", Integer.class).orElse(0));
          call(ctx, "application-version-set", "1.0");
          ctx.flags().set("demo.started");
        }),
        Handler.named("db-ready").hook("db-relation-changed").invoke(ctx -> {
          String host = call(ctx, "relation-get", "host").trim();
          if (!host.isEmpty()) {
            call(ctx, "relation-set", "database=demo", "requested-by=" + host);
            ctx.flags().set("demo.db.ready", host);
          }
        }),
        Handler.named("backup").hook("backup").invoke(ctx -> {
          String target = call(ctx, "action-get", "target").trim();
          call(ctx, "action-log", "backing up to " + target);
          call(ctx, "action-set", "backup.path=" + target + "/demo.tar");
          ctx.flags().set("demo.backed-up");
        }),
        Handler.named("explode").when("demo.explode").invoke(ctx -> {
          call(ctx, "relation-set", "-r", "db:7", "doomed=yes");
          call(ctx, "open-port", "9999");
          call(ctx, "state-set", "doomed=yes");
          call(ctx, "status-set", "blocked", "about to fail");
          call(ctx, "juju-log", "-l", "ERROR", "failing now");
          call(ctx, "leader-set", "doomed=but-kept");
          ctx.flags().set("demo.doomed");
          throw new IllegalStateException("boom");
        }));
  }

  @Override
  public ReactiveCharm get() {
    return builder().build();
  }

  /** The charm as a hook process: tools are found on PATH, as under Juju. */
  public static void main(String[] args) {
    System.out.println("demo charm hook " + System.getenv("JUJU_DISPATCH_PATH"));
    System.exit(builder().service(ToolRunner.class, ToolRunner.processes(System.getenv()))
        .build().run());
  }
}
