package charms.reactive.bash;

import charms.reactive.CharmMetadata;
import charms.reactive.HookContext;
import charms.reactive.HookEnvironment;
import charms.reactive.HookView;
import charms.reactive.Phase;
import charms.reactive.ReactiveCharm;
import charms.reactive.Trigger;
import charms.reactive.bash.internal.CommandContext;
import charms.reactive.bash.internal.CommandResult;
import charms.reactive.bash.internal.Commands;
import charms.reactive.bash.internal.FunctionSpec;
import charms.reactive.bash.internal.SavedTriggers;
import charms.reactive.spi.FrameworkRecords;
import charms.reactive.spi.StateTransaction;
import charms.reactive.state.StateStore;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code charms.reactive} outside a hook (in an action script, by an operator): the command acts
 * on the committed unit state under its lock and commits at once if it changed anything. Inside
 * a hook the bash client talks to the running dispatcher instead and no JVM starts.
 */
public final class Cli {
  private Cli() {
  }

  /**
   * Runs the command line and exits with its code. Output is always written as UTF-8, whatever
   * the locale (the original printed UTF-8 too). Arguments are decoded by the JVM with the
   * locale's charset, so the {@code charms.reactive} launcher gives the JVM a UTF-8 locale; an
   * argument that still arrives undecodable is refused rather than stored mangled.
   */
  public static void main(String[] args) {
    CommandResult result = undecodable(args, System.getProperty("sun.jnu.encoding", "UTF-8"))
        .orElseGet(() -> run(List.of(args), System.getenv()));
    writeUtf8(FileDescriptor.out, result.stdout());
    writeUtf8(FileDescriptor.err, result.stderr());
    System.exit(result.exitCode());
  }

  /** An error naming the first argument the JVM could not decode, if any. */
  static Optional<CommandResult> undecodable(String[] args, String charset) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].indexOf('\uFFFD') >= 0 && !charset.equalsIgnoreCase("UTF-8")) {
        return Optional.of(CommandResult.error("argument " + (i + 1) + " holds characters that "
            + "the locale's charset (" + charset + ") cannot carry; run with a UTF-8 locale "
            + "(LC_ALL=C.UTF-8)"));
      }
    }
    return Optional.empty();
  }

  private static void writeUtf8(FileDescriptor fd, String text) {
    if (text.isEmpty()) {
      return;
    }
    try {
      FileOutputStream out = new FileOutputStream(fd);
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // the reader went away (a closed pipe): nothing is left to tell it
    }
  }

  /** Runs one command line against the committed state named by the environment. */
  static CommandResult run(List<String> args, Map<String, String> variables) {
    Map<String, String> env = new HashMap<>(variables);
    env.putIfAbsent("JUJU_HOOK_NAME", "");
    HookEnvironment environment = HookEnvironment.of(env, "charms.reactive");
    try (StateStore store = ReactiveCharm.defaultStateStore(environment)) {
      StateTransaction state = StateTransaction.of(store.load(), environment,
          () -> CharmMetadata.read(environment.charmDir().resolve("metadata.yaml")));
      HookContext hook = state.hook();
      SavedTriggers.apply(FrameworkRecords.of(hook, SavedTriggers.OWNER), hook.flags());
      CommandResult result = new Commands(new Offline(hook)).execute(args);
      if (result.exitCode() != 2 && state.changed()) {
        store.commit(state.toDocument());
      }
      return result;
    } catch (RuntimeException e) {
      return CommandResult.error(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /**
   * The committed state, with no dispatch going on, as the same model of a hook the dispatcher
   * gives handlers (core's {@link StateTransaction#hook()}): a command reads it through the
   * read-only view and changes it through the hook, as inside a hook. What differs outside a hook:
   * there is no phase (the decorator commands answer false), the flag watch lets everything
   * through, there are no services (no hook tools, no relations), and a trigger is saved in the
   * state.
   */
  private record Offline(HookContext session) implements CommandContext {

    @Override
    public HookView view() {
      return HookView.readOnly(session);
    }

    @Override
    public Optional<HookContext> hook() {
      return Optional.of(session);
    }

    @Override
    public Phase phase() {
      return null;
    }

    @Override
    public boolean watched(Collection<String> flags) {
      return true;
    }

    @Override
    public void tested(List<FunctionSpec> specs, List<FunctionSpec> passed) {
    }

    /** Outside a hook a trigger is kept in the state, as the original kept it. */
    @Override
    public void registerTrigger(Trigger trigger) {
      session.flags().registerTrigger(trigger);
      SavedTriggers.save(FrameworkRecords.of(session, SavedTriggers.OWNER), trigger);
    }
  }
}
