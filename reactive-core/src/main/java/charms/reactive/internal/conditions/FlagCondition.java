package charms.reactive.internal.conditions;

import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.FlagView;
import charms.reactive.Phase;
import charms.reactive.Verdict;
import charms.reactive.internal.FlagNames;
import charms.reactive.internal.FlagLookup;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code when*} family: a test over a list of flags, in phase other. */
public final class FlagCondition implements Condition {

  /** How the flags combine. */
  public enum Mode {
    ALL("when"), ANY("when_any"), NONE("when_not"), NOT_ALL("when_not_all");

    private final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  private static final Verdict NO_FLAG_SET = Verdict.unmet("none of the flags is set: ", null);

  private final Mode mode;
  private final String[] flags;
  private final Set<String> watched;

  private FlagCondition(Mode mode, String[] flags) {
    this.mode = mode;
    this.flags = flags;
    this.watched = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(flags)));
  }

  public static FlagCondition of(Mode mode, String... flags) {
    return new FlagCondition(mode, FlagNames.requireValid(flags.clone()));
  }

  public Mode mode() {
    return mode;
  }

  public List<String> flags() {
    return List.of(flags);
  }

  @Override
  public Verdict test(ConditionContext context) {
    FlagView current = context.flags();
    switch (mode) {
      case ALL:
        for (String flag : flags) {
          if (!isSet(current, flag)) {
            return Verdict.unmet("flag not set: ", flag);
          }
        }
        return Verdict.met();
      case NONE:
        for (String flag : flags) {
          if (isSet(current, flag)) {
            return Verdict.unmet("flag is set: ", flag);
          }
        }
        return Verdict.met();
      case ANY:
        for (String flag : flags) {
          if (isSet(current, flag)) {
            return Verdict.met();
          }
        }
        return new Verdict(false, NO_FLAG_SET.reason(), watched);
      case NOT_ALL:
        for (String flag : flags) {
          if (!isSet(current, flag)) {
            return Verdict.met();
          }
        }
        return Verdict.unmet("all flags are set: ", watched);
      default:
        throw new AssertionError(mode);
    }
  }

  /**
   * The names were validated when the condition was made, so the hook's own flags (the pass's
   * snapshot, or the flag table) are asked without validating them again: this runs for every
   * handler in every iteration.
   */
  private static boolean isSet(FlagView flags, String flag) {
    return flags instanceof FlagLookup lookup ? lookup.containsValidName(flag) : flags.isSet(flag);
  }

  @Override
  public Phase phase() {
    return Phase.OTHER;
  }

  @Override
  public Set<String> watchedFlags() {
    return watched;
  }

  @Override
  public boolean dependsOnlyOnWatchedFlags() {
    return true;
  }

  @Override
  public String describe() {
    return mode.label + "(" + String.join(", ", flags) + ")";
  }
}
