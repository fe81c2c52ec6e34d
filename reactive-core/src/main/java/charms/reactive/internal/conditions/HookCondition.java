package charms.reactive.internal.conditions;

import charms.reactive.CharmMetadata;
import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.Phase;
import charms.reactive.Verdict;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code @hook}: the running hook matches one of the expanded patterns; phase hooks. */
public final class HookCondition implements Condition {
  private static final CharmMetadata NO_METADATA = new CharmMetadata(null, Map.of());

  private final List<String> patterns;
  private final boolean needsMetadata;
  private CharmMetadata expandedFor;
  private Set<String> expanded;

  public HookCondition(String... patterns) {
    if (patterns.length == 0) {
      throw new IllegalArgumentException("@hook needs at least one pattern");
    }
    this.patterns = List.of(patterns);
    boolean meta = false;
    for (String p : patterns) {
      HookPatterns.validate(p);
      meta |= HookPatterns.needsMetadata(p);
    }
    this.needsMetadata = meta;
  }

  public List<String> patterns() {
    return patterns;
  }

  @Override
  public Verdict test(ConditionContext context) {
    CharmMetadata metadata = needsMetadata ? context.metadata() : NO_METADATA;
    if (expandedFor != metadata) {
      Set<String> names = new LinkedHashSet<>();
      for (String p : patterns) {
        names.addAll(HookPatterns.expand(p, metadata));
      }
      expanded = names;
      expandedFor = metadata;
    }
    String hook = context.environment().hookName();
    return expanded.contains(hook) ? Verdict.met()
        : Verdict.unmet("hook " + hook + " is not one of ", expanded);
  }

  @Override
  public Phase phase() {
    return Phase.HOOKS;
  }

  @Override
  public boolean dependsOnlyOnWatchedFlags() {
    return true;
  }

  @Override
  public String describe() {
    return "hook(" + String.join(", ", patterns) + ")";
  }
}
