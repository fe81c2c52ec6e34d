package charms.reactive.internal.conditions;

import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.Phase;
import charms.reactive.Verdict;

/** {@code collect_metrics} / {@code meter_status_changed}: one restricted hook. */
public final class RestrictedHookCondition implements Condition {
  private final String hook;

  public RestrictedHookCondition(String hook) {
    this.hook = hook;
  }

  @Override
  public Verdict test(ConditionContext context) {
    return hook.equals(context.environment().hookName()) ? Verdict.met()
        : Verdict.unmet("runs only in hook ", hook);
  }

  @Override
  public Phase phase() {
    return Phase.RESTRICTED;
  }

  @Override
  public boolean dependsOnlyOnWatchedFlags() {
    return true;
  }

  @Override
  public String describe() {
    return hook.replace('-', '_');
  }
}
