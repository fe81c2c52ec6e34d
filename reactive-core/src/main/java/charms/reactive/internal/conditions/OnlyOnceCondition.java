package charms.reactive.internal.conditions;

import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.HandlerContext;
import charms.reactive.Verdict;
import charms.reactive.spi.FrameworkRecords;

/**
 * {@code @only_once}: true until the handler completes once; the mark is a framework record keyed
 * by the handler's stable id and committed with the hook.
 */
public final class OnlyOnceCondition implements Condition {
  public static final OnlyOnceCondition INSTANCE = new OnlyOnceCondition();
  static final String OWNER = "once";

  private OnlyOnceCondition() {
  }

  @Override
  public Verdict test(ConditionContext context) {
    return FrameworkRecords.of(context, OWNER).get(context.handlerId()).isPresent()
        ? Verdict.unmet("already ran once", null) : Verdict.met();
  }

  @Override
  public boolean dependsOnlyOnWatchedFlags() {
    return true;
  }

  @Override
  public void onHandlerSuccess(HandlerContext context) {
    FrameworkRecords.of(context, OWNER).set(context.handlerId(), true);
  }

  @Override
  public String describe() {
    return "only_once";
  }
}
