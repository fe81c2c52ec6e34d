package charms.reactive;

import charms.reactive.internal.FlagNames;
import charms.reactive.internal.conditions.FlagCondition;
import charms.reactive.internal.conditions.OnlyOnceCondition;
import charms.reactive.internal.stable.InputSpec;
import charms.reactive.internal.stable.StableCondition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A handler: a stable id, the conditions that must all hold, and the work to do.
 *
 * <pre>{@code
 * Handler.named("render-config")
 *     .when("db.database.available", "admin-pass")
 *     .run(ctx -> Mono.fromRunnable(() -> render(ctx)));
 * }</pre>
 *
 * <p>The phase is derived from the conditions: {@link Phase#HOOKS} with a hook condition,
 * {@link Phase#RESTRICTED} with a restricted-hook condition, {@link Phase#OTHER} otherwise.
 *
 * <p>A {@link Stable stable} handler ({@link Builder#stable()}) has one more condition, last: its
 * inputs (the flags the other conditions read, plus the declared ones) differ from those of its
 * last successful run. Immutable.
 */
public final class Handler {
  private final String id;
  private final List<Condition> conditions;
  private final List<String> notUnless;
  private final HandlerFunction action;
  private final Phase phase;
  private final Set<String> watchedFlags;
  private final boolean dependsOnlyOnWatchedFlags;
  private final boolean everyPhase;
  /** TRUE or FALSE as declared; null if the handler did not say (the charm's default applies). */
  private final Boolean stableChoice;
  private final List<InputSpec> inputs;
  private final Function<? super ConditionContext, ?> supplied;
  private final List<Condition> declared;

  private Handler(String id, List<Condition> conditions, List<String> notUnless,
      HandlerFunction action, Boolean stableChoice, List<InputSpec> inputs,
      Function<? super ConditionContext, ?> supplied) {
    this.id = id;
    this.declared = List.copyOf(conditions);
    this.stableChoice = stableChoice;
    this.inputs = List.copyOf(inputs);
    this.supplied = supplied;
    if (Boolean.TRUE.equals(stableChoice)) {
      Set<String> read = new LinkedHashSet<>();
      for (Condition c : conditions) {
        read.addAll(c.watchedFlags());
      }
      List<Condition> all = new ArrayList<>(conditions);
      all.add(new StableCondition(read, this.inputs, supplied));
      this.conditions = List.copyOf(all);
    } else {
      this.conditions = this.declared;
    }
    this.notUnless = List.copyOf(notUnless);
    this.action = Objects.requireNonNull(action, "action");
    this.phase = phaseOf(id, this.conditions);
    boolean pinned = this.conditions.stream().anyMatch(c -> c.phase() != null);
    this.everyPhase = !pinned && this.conditions.stream().anyMatch(Condition::everyPhase);
    Set<String> watched = new LinkedHashSet<>();
    boolean onlyFlags = true;
    for (Condition c : this.conditions) {
      watched.addAll(c.watchedFlags());
      onlyFlags &= c.dependsOnlyOnWatchedFlags();
    }
    this.watchedFlags = Collections.unmodifiableSet(watched);
    this.dependsOnlyOnWatchedFlags = onlyFlags;
  }

  private static Phase phaseOf(String id, List<Condition> conditions) {
    Phase phase = null;
    Condition setBy = null;
    for (Condition c : conditions) {
      Phase p = c.phase();
      if (p == null) {
        continue;
      }
      if (phase != null && phase != p) {
        throw new HandlerDefinitionException("handler " + id + " can never run: "
            + setBy.describe() + " runs in phase " + phase.label() + " but " + c.describe()
            + " runs in phase " + p.label());
      }
      phase = p;
      setBy = c;
    }
    return phase == null ? Phase.OTHER : phase;
  }

  /** Starts a handler with a stable id, used in logs, traces and once-marks. */
  public static Builder named(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public List<Condition> conditions() {
    return conditions;
  }

  /** Flags whose absence is only warned about when the handler runs ({@code @not_unless}). */
  public List<String> notUnless() {
    return notUnless;
  }

  public HandlerFunction action() {
    return action;
  }

  public Phase phase() {
    return phase;
  }

  /** Whether this handler is tested in {@code dispatchPhase}. */
  public boolean runsIn(Phase dispatchPhase) {
    return everyPhase || phase == dispatchPhase;
  }

  /** The union of the conditions' watched flags, in declaration order. */
  public Set<String> watchedFlags() {
    return watchedFlags;
  }

  /** True if flag changes alone can change whether this handler's condition holds. */
  public boolean dependsOnlyOnWatchedFlags() {
    return dependsOnlyOnWatchedFlags;
  }

  /** Whether this handler runs only when its inputs changed ({@link Stable}). */
  public boolean stable() {
    return Boolean.TRUE.equals(stableChoice);
  }

  /**
   * This handler as the charm's stable-by-default setting makes it: stable if it did not say
   * otherwise and its conditions are flags only ({@code when*}, {@code only_once}); itself
   * otherwise.
   */
  public Handler stableByDefault() {
    if (stableChoice != null) {
      return this;
    }
    for (Condition c : declared) {
      if (!(c instanceof FlagCondition) && c != OnlyOnceCondition.INSTANCE) {
        return this;
      }
    }
    return new Handler(id, declared, notUnless, action, Boolean.TRUE, inputs, supplied);
  }

  @Override
  public String toString() {
    return "Handler[" + id + "]";
  }

  /** Collects a handler's conditions; {@link #run} or {@link #invoke} completes it. */
  public static final class Builder {
    private final String id;
    private final List<Condition> conditions = new ArrayList<>();
    private final List<String> notUnless = new ArrayList<>();
    private final List<InputSpec> inputs = new ArrayList<>();
    private Boolean stable;
    private Function<? super ConditionContext, ?> supplied;

    private Builder(String id) {
      if (id == null || id.isBlank()) {
        throw new HandlerDefinitionException("a handler id must not be empty");
      }
      this.id = id;
    }

    public Builder when(String... flags) {
      return condition(Conditions.when(flags));
    }

    public Builder whenAll(String... flags) {
      return condition(Conditions.whenAll(flags));
    }

    public Builder whenAny(String... flags) {
      return condition(Conditions.whenAny(flags));
    }

    public Builder whenNot(String... flags) {
      return condition(Conditions.whenNot(flags));
    }

    public Builder whenNone(String... flags) {
      return condition(Conditions.whenNone(flags));
    }

    public Builder whenNotAll(String... flags) {
      return condition(Conditions.whenNotAll(flags));
    }

    public Builder hook(String... patterns) {
      return condition(Conditions.hook(patterns));
    }

    public Builder onlyOnce() {
      return condition(Conditions.onlyOnce());
    }

    public Builder collectMetrics() {
      return condition(Conditions.collectMetrics());
    }

    public Builder meterStatusChanged() {
      return condition(Conditions.meterStatusChanged());
    }

    /** Adds any condition, such as a file-change condition from reactive-fs. */
    public Builder condition(Condition condition) {
      conditions.add(Objects.requireNonNull(condition, "condition"));
      return this;
    }

    /** Warns (without preventing the run) when any of these flags is not set at invocation. */
    public Builder notUnless(String... flags) {
      for (String flag : flags) {
        FlagNames.requireValid(flag);
        notUnless.add(flag);
      }
      return this;
    }

    /**
     * Makes the handler stable ({@link Stable}): it runs when its condition holds and its inputs
     * differ from those of its last successful run.
     */
    public Builder stable() {
      return stable(true);
    }

    /** {@code stable(false)} opts out of the charm's stable-by-default setting. */
    public Builder stable(boolean isStable) {
      if (!isStable && (!inputs.isEmpty() || supplied != null)) {
        throw new HandlerDefinitionException("handler " + id
            + " declares stable inputs but stable(false)");
      }
      this.stable = isStable;
      return this;
    }

    /**
     * Declares inputs of this stable handler as {@code kind:key} ({@code config:port},
     * {@code leader:password}, {@code relation:db:host}, {@code file:/etc/app.conf},
     * {@code flag:name}, {@code data:key}); implies {@link #stable()}.
     *
     * @throws HandlerDefinitionException naming the handler and the spec if one is malformed
     */
    public Builder inputs(String... specs) {
      requireStableAllowed();
      for (String spec : specs) {
        inputs.add(InputSpec.parse(spec, id));
      }
      return stable();
    }

    /**
     * Declares a value the handler supplies as an input (named {@code value} in traces), worked
     * out from the condition's read-only view whenever the handler is tested: it must not change
     * state. Implies {@link #stable()}.
     */
    public Builder inputs(Function<? super ConditionContext, ?> value) {
      requireStableAllowed();
      this.supplied = Objects.requireNonNull(value, "value");
      return stable();
    }

    private void requireStableAllowed() {
      if (Boolean.FALSE.equals(stable)) {
        throw new HandlerDefinitionException("handler " + id
            + " declares stable inputs but stable(false)");
      }
    }

    /**
     * Holds in a hook where one of these hook-scoped facts holds ({@link WhenChanged},
     * {@link HookFacts}), once per hook.
     */
    public Builder whenChanged(String... facts) {
      return condition(Conditions.whenChanged(facts));
    }

    /** Completes the handler with work expressed as a publisher. */
    public Handler run(HandlerFunction action) {
      return new Handler(id, conditions, notUnless, action, stable, inputs, supplied);
    }

    /** Completes the handler with synchronous work. */
    public Handler invoke(HandlerWork work) {
      Objects.requireNonNull(work, "work");
      return run(ctx -> Mono.fromCallable(() -> {
        work.accept(ctx);
        return Boolean.TRUE;
      }));
    }
  }

  /** Synchronous handler work. */
  @FunctionalInterface
  public interface HandlerWork {
    void accept(HandlerContext context) throws Exception;
  }
}
