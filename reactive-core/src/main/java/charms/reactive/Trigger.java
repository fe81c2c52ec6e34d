package charms.reactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An action bound to a flag transition: when {@link #flag()} goes from not set to set
 * ({@link #onSet()}) or from set to not set, the trigger sets {@link #setFlags()}, then clears
 * {@link #clearFlags()}, then runs {@link #callbacks()}, synchronously inside the call that made the
 * transition.
 *
 * <p>Triggers live for one hook; charms register them when they are built, so each hook sees them.
 * A chain of triggers that would re-enter a transition already being fired is a cycle and fails
 * the hook with a {@link TriggerCycleException} naming the chain.
 *
 * <pre>{@code
 * Trigger.whenSet("config.changed.install_sources").clear("apt.sources_configured")
 * }</pre>
 */
public record Trigger(String flag, boolean onSet, List<String> setFlags, List<String> clearFlags,
    List<Runnable> callbacks) {

  public Trigger {
    Objects.requireNonNull(flag, "flag");
    setFlags = List.copyOf(setFlags);
    clearFlags = List.copyOf(clearFlags);
    callbacks = List.copyOf(callbacks);
    if (setFlags.isEmpty() && clearFlags.isEmpty() && callbacks.isEmpty()) {
      throw new IllegalArgumentException(
          "trigger on flag '" + flag + "' must set a flag, clear a flag or run a callback");
    }
  }

  /** Starts a trigger that fires when {@code flag} becomes set. */
  public static Builder whenSet(String flag) {
    return new Builder(flag, true);
  }

  /** Starts a trigger that fires when {@code flag} becomes cleared. */
  public static Builder whenCleared(String flag) {
    return new Builder(flag, false);
  }

  /** Collects a trigger's actions; every method returns a complete, immutable {@link Trigger}. */
  public static final class Builder {
    private final String flag;
    private final boolean onSet;

    private Builder(String flag, boolean onSet) {
      this.flag = flag;
      this.onSet = onSet;
    }

    public Trigger set(String... flags) {
      return new Trigger(flag, onSet, List.of(flags), List.of(), List.of());
    }

    public Trigger clear(String... flags) {
      return new Trigger(flag, onSet, List.of(), List.of(flags), List.of());
    }

    public Trigger run(Runnable callback) {
      return new Trigger(flag, onSet, List.of(), List.of(), List.of(callback));
    }
  }

  /** A copy of this trigger that also sets {@code flags}. */
  public Trigger andSet(String... flags) {
    List<String> all = new ArrayList<>(setFlags);
    all.addAll(List.of(flags));
    return new Trigger(flag, onSet, all, clearFlags, callbacks);
  }

  /** A copy of this trigger that also clears {@code flags}. */
  public Trigger andClear(String... flags) {
    List<String> all = new ArrayList<>(clearFlags);
    all.addAll(List.of(flags));
    return new Trigger(flag, onSet, setFlags, all, callbacks);
  }

  /** A copy of this trigger that also runs {@code callback}. */
  public Trigger andRun(Runnable callback) {
    List<Runnable> all = new ArrayList<>(callbacks);
    all.add(callback);
    return new Trigger(flag, onSet, setFlags, clearFlags, all);
  }
}
