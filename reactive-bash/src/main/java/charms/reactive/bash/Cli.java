package charms.reactive.bash;

import charms.reactive.CharmMetadata;
import charms.reactive.Flags;
import charms.reactive.HookEnvironment;
import charms.reactive.KeyValueStore;
import charms.reactive.Phase;
import charms.reactive.ReactiveCharm;
import charms.reactive.bash.internal.CommandContext;
import charms.reactive.bash.internal.CommandResult;
import charms.reactive.bash.internal.Commands;
import charms.reactive.bash.internal.FunctionSpec;
import charms.reactive.internal.UnitState;
import charms.reactive.state.StateStore;
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

  public static void main(String[] args) {
    CommandResult result = run(List.of(args), System.getenv());
    System.out.print(result.stdout());
    System.err.print(result.stderr());
    System.out.flush();
    System.exit(result.exitCode());
  }

  /** Runs one command line against the committed state named by the environment. */
  public static CommandResult run(List<String> args, Map<String, String> variables) {
    Map<String, String> env = new HashMap<>(variables);
    env.putIfAbsent("JUJU_HOOK_NAME", "");
    HookEnvironment environment = HookEnvironment.of(env, "charms.reactive");
    try (StateStore store = ReactiveCharm.defaultStateStore(environment)) {
      UnitState state = new UnitState(store.load(), List.of());
      CommandResult result = new Commands(new Offline(state, environment)).execute(args);
      if (result.exitCode() != 2 && state.isDirty()) {
        store.commit(state.toDocument());
      }
      return result;
    } catch (RuntimeException e) {
      return CommandResult.error(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** The committed state, with no dispatch going on. */
  private record Offline(UnitState state, HookEnvironment environment) implements CommandContext {
    @Override
    public Flags flags() {
      return state.flags();
    }

    @Override
    public CharmMetadata metadata() {
      return CharmMetadata.read(environment.charmDir().resolve("metadata.yaml"));
    }

    @Override
    public KeyValueStore records(String owner) {
      return state.records(owner);
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
    public <T> Optional<T> service(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public void tested(List<FunctionSpec> specs, List<FunctionSpec> passed) {
    }
  }
}
