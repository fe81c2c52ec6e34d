package charms.reactive.bash;

import charms.reactive.ReactiveCharm;
import charms.reactive.juju.Juju;
import charms.reactive.relations.Relations;

/**
 * The hook entry point of a charm without Java code of its own: the Juju integration, the
 * relations whose interface implementations are on the class path ({@code ServiceLoader}), and
 * the charm's external handlers. The distribution's {@code bin/reactive-main} runs it; a bash-only
 * charm's hooks (or its {@code dispatch} file) exec that script.
 */
public final class ReactiveMain {
  private ReactiveMain() {
  }

  /** The charm {@code reactive-main} runs, for embedding in a harness. */
  public static ReactiveCharm charm() {
    return ReactiveCharm.builder().use(Juju.integration()).use(Relations.discovered())
        .use(ExternalHandlers.discover()).build();
  }

  public static void main(String[] args) {
    System.exit(charm().run());
  }
}
