package ${package};

import charms.reactive.Flags;
import charms.reactive.ReactiveCharm;
import charms.reactive.When;
import charms.reactive.juju.HookTools;
import charms.reactive.juju.Juju;
import charms.reactive.juju.StatusReporter;

/**
 * The charm: its handlers, and the main class that runs one hook ({@code dispatch} runs it for
 * every hook Juju sends).
 */
public final class Charm {

  /** Shows the {@code message} option as the unit's status whenever it changes. */
  @When("config.changed.message")
  public void showMessage(HookTools tools, StatusReporter status, Flags flags) {
    status.active(tools.config().get("message").asText());
    flags.set("app.configured");
  }

  /** The charm with the Juju integration (hook tools, config.* and leadership.* flags). */
  public static ReactiveCharm charm() {
    return ReactiveCharm.builder().use(Juju.integration()).handlers(new Charm()).build();
  }

  public static void main(String[] args) {
    System.exit(charm().run());
  }
}
