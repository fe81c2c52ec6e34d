package charms.reactive.bench;

import charms.reactive.Handler;
import charms.reactive.ReactiveCharm;
import charms.reactive.juju.Juju;

/**
 * The start-up benchmark's charm: the shape of reactive-core's in-process dispatch benchmark, with
 * the Juju integration, run as a hook process. {@code components} components of three functional
 * handlers each:
 * <ul>
 *   <li>{@code install.i}: {@code whenNot(installed.i)}, sets {@code installed.i};
 *   <li>{@code configure.i}: {@code when(installed.i)} and {@code whenNot(configured.i)}, sets
 *       {@code configured.i};
 *   <li>{@code ready.i}: {@code when(configured.i, installed.i)}, does nothing.
 * </ul>
 * The first hook (install, empty state) runs every handler and commits; an idle
 * {@code update-status} afterwards runs only the {@code ready.i} handlers and commits nothing.
 */
public final class BenchCharm {
  private BenchCharm() {
  }

  /** The charm of {@code components} x 3 handlers. */
  public static ReactiveCharm charm(int components) {
    ReactiveCharm.Builder b = ReactiveCharm.builder().use(Juju.integration());
    for (int i = 0; i < components; i++) {
      String installed = "installed." + i;
      String configured = "configured." + i;
      b.handler(
          Handler.named("install." + i).whenNot(installed).invoke(ctx -> ctx.flags().set(installed)),
          Handler.named("configure." + i).when(installed).whenNot(configured)
              .invoke(ctx -> ctx.flags().set(configured)),
          Handler.named("ready." + i).when(configured, installed).invoke(ctx -> { }));
    }
    return b.build();
  }

  /** Runs one hook of the charm of {@code components} x 3 handlers and exits with its status. */
  static void run(int components) {
    System.exit(charm(components).run());
  }
}
