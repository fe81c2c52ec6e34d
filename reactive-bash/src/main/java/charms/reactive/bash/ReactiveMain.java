package charms.reactive.bash;

import charms.reactive.HookEnvironment;
import charms.reactive.ReactiveCharm;
import charms.reactive.ReactiveException;
import charms.reactive.juju.Juju;
import charms.reactive.relations.Relations;
import java.io.PrintStream;
import java.util.Map;

/**
 * The hook entry point of a charm without Java code of its own: the Juju integration, the
 * relations whose interface implementations are on the class path ({@code ServiceLoader}), and
 * the charm's external handlers. The distribution's {@code bin/reactive-main} runs it; a bash-only
 * charm's hooks (or its {@code dispatch} file) exec that script.
 *
 * <p>The hook is named by {@code JUJU_DISPATCH_PATH}, then {@code JUJU_HOOK_NAME}, then the name
 * the launcher was called by (a hook file linked to it). The launcher's own name,
 * {@code reactive-main}, names no hook: run directly with neither variable set, it fails with the
 * same error as the Java entry point ({@link ReactiveCharm#run()}), exit code 1.
 */
public final class ReactiveMain {
  private static final String LAUNCHER = "reactive-main";

  private ReactiveMain() {
  }

  /** The charm {@code reactive-main} runs, for embedding in a harness. */
  public static ReactiveCharm charm() {
    return ReactiveCharm.builder().use(Juju.integration()).use(Relations.discovered())
        .use(ExternalHandlers.discover()).build();
  }

  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.getProperty("charms.reactive.program"), System.err));
  }

  /**
   * Runs one hook of {@link #charm()} in {@code variables}, started as {@code program} (the
   * launcher's {@code $0}, may be null); returns the exit code. An environment that names no hook
   * is reported on {@code err} as the Java entry point reports it.
   */
  static int run(Map<String, String> variables, String program, PrintStream err) {
    HookEnvironment environment;
    try {
      environment = HookEnvironment.of(variables, hookProgram(program));
    } catch (ReactiveException e) {
      err.println("Hook error: " + e.getMessage());
      return 1;
    }
    return charm().run(environment);
  }

  /** The program name as a hook name, or null for the launcher itself. */
  static String hookProgram(String program) {
    if (program == null) {
      return null;
    }
    String base = program.substring(program.lastIndexOf('/') + 1);
    return base.equals(LAUNCHER) ? null : program;
  }
}
