package charms.reactive.internal.conditions;

import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.HookFacts;
import charms.reactive.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code whenChanged(facts...)}: holds while one of the hook-scoped facts holds in this hook and
 * the handler has not yet completed with it in this hook, so an edge runs its handler once per
 * hook. Nothing is stored: the facts and the marks end with the hook. Names no phase (the
 * handler runs in the other phase) and watches no flags.
 */
public final class WhenChangedCondition implements Condition {
  private final List<String> facts;

  public WhenChangedCondition(String... facts) {
    if (facts.length == 0) {
      throw new IllegalArgumentException("whenChanged needs at least one fact");
    }
    for (String f : facts) {
      if (f == null || f.isEmpty() || f.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("whenChanged: invalid fact name '" + f + "'");
      }
    }
    this.facts = List.of(facts);
  }

  public List<String> facts() {
    return facts;
  }

  @Override
  public Verdict test(ConditionContext context) {
    HookFacts now = context.facts();
    boolean handledOne = false;
    for (String fact : facts) {
      if (now.contains(fact)) {
        if (!now.handledBy(context.handlerId(), fact)) {
          return Verdict.met("changed in this hook: ", fact);
        }
        handledOne = true;
      }
    }
    return Verdict.unmet(handledOne ? "already ran for this hook's change of: "
        : "not changed in this hook: ", String.join(", ", facts));
  }

  /** Facts do not change while a hook runs; only this handler's own success consumes them. */
  @Override
  public boolean dependsOnlyOnWatchedFlags() {
    return true;
  }

  @Override
  public void onHandlerSuccess(charms.reactive.HandlerContext context) {
    HookFacts now = context.service(HookFacts.class);
    List<String> held = new ArrayList<>();
    for (String fact : facts) {
      if (now.contains(fact)) {
        held.add(fact);
      }
    }
    now.markHandled(context.handlerId(), held);
  }

  @Override
  public String describe() {
    return "when_changed(" + String.join(", ", facts) + ")";
  }
}
