package charms.reactive.bash;

import charms.reactive.ReactiveCharm;
import charms.reactive.juju.Juju;

/**
 * The hook entry point of a charm without Java code of its own: the Juju integration plus the
 * charm's external handlers. The distribution's {@code bin/reactive-main} runs it; a bash-only
 * charm's hooks (or its {@code dispatch} file) exec that script.
 */
public final class ReactiveMain {
  private ReactiveMain() {
  }

  /** The charm {@code reactive-main} runs, for embedding in a harness. */
  public static ReactiveCharm charm() {
    return ReactiveCharm.builder().use(Juju.integration()).use(ExternalHandlers.discover()).build();
  }

  public static void main(String[] args) {
    System.exit(charm().run());
  }
}
