package charms.reactive.fs;

import java.util.List;
import java.util.Objects;

/**
 * Service control through systemd, as charmhelpers' {@code service_start}, {@code service_stop},
 * {@code service_restart}, {@code service_reload} and {@code service_running} do on systemd
 * hosts. Every call runs one {@code systemctl} command through the {@link ProcessRunner}, as an
 * argument array.
 *
 * <p>Thread-safe if the runner is. Register it with the charm (see {@link FsExtension}) and take
 * it as a handler parameter, or call {@code context.service(Services.class)}.
 */
public final class Services {
  private final ProcessRunner runner;

  public Services(ProcessRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code systemctl start <service>}.
   *
   * @throws CommandFailedException naming the command, exit code and standard error if it fails
   */
  public void start(String service) {
    runner.check(List.of("systemctl", "start", valid(service)));
  }

  /**
   * {@code systemctl stop <service>}.
   *
   * @throws CommandFailedException naming the command, exit code and standard error if it fails
   */
  public void stop(String service) {
    runner.check(List.of("systemctl", "stop", valid(service)));
  }

  /**
   * {@code systemctl restart <service>}.
   *
   * @throws CommandFailedException naming the command, exit code and standard error if it fails
   */
  public void restart(String service) {
    runner.check(List.of("systemctl", "restart", valid(service)));
  }

  /**
   * {@code systemctl reload <service>}.
   *
   * @throws CommandFailedException naming the command, exit code and standard error if it fails
   */
  public void reload(String service) {
    runner.check(List.of("systemctl", "reload", valid(service)));
  }

  /**
   * Whether the service is active: {@code systemctl is-active --quiet <service>} exits with 0.
   * Any other exit code (inactive, failed, unknown unit) is false, as in charmhelpers.
   *
   * @throws CommandFailedException only if {@code systemctl} could not be started
   */
  public boolean isRunning(String service) {
    return runner.run(List.of("systemctl", "is-active", "--quiet", valid(service))).succeeded();
  }

  /**
   * A unit name is passed as one argument, so it cannot inject a shell command; it is still
   * refused if empty, if it holds whitespace or control characters, or if it starts with
   * {@code -} (systemctl would read it as an option).
   */
  private static String valid(String service) {
    if (service == null || service.isEmpty() || service.startsWith("-")
        || service.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("invalid service name '" + service
          + "': it must be non-empty, not start with '-', and hold no whitespace");
    }
    return service;
  }
}
