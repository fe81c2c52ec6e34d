package charms.reactive.examples.bash;

import java.nio.file.Path;

/**
 * A hook process that is only the distribution: the harness starts this class with the hook's
 * environment, and it runs reactive-bash's {@code target/dist/bin/reactive-main} with that same
 * environment, as a charm's {@code dispatch} would, and exits with its exit code.
 */
public final class DistributionHook {
  static final Path REACTIVE_MAIN = Path.of("../reactive-bash/target/dist/bin/reactive-main");

  private DistributionHook() {
  }

  public static void main(String[] args) throws Exception {
    // the hook runs in the charm directory: the test passes the script's absolute path
    Process hook = new ProcessBuilder(System.getenv("REACTIVE_MAIN")).inheritIO().start();
    System.exit(hook.waitFor());
  }
}
