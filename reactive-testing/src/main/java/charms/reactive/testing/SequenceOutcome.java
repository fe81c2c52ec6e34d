package charms.reactive.testing;

import java.util.List;

/**
 * The outcomes of a sequence of hooks, each run on the state the previous one left. A sequence
 * stops at the first failing hook, as a unit in error state runs nothing more. Immutable.
 *
 * @param initial the state the sequence started from
 * @param hooks the outcome of each hook that ran, in order
 */
public record SequenceOutcome(JujuState initial, List<HookOutcome> hooks) {

  public SequenceOutcome {
    hooks = List.copyOf(hooks);
  }

  /** Whether every hook ran and succeeded. */
  public boolean succeeded() {
    return hooks.stream().allMatch(HookOutcome::succeeded);
  }

  /** The state after the last hook that ran. */
  public JujuState finalState() {
    return hooks.isEmpty() ? initial : hooks.get(hooks.size() - 1).state();
  }

  public HookOutcome last() {
    if (hooks.isEmpty()) {
      throw new IllegalStateException("no hook ran");
    }
    return hooks.get(hooks.size() - 1);
  }

  /** The hook names that ran, in order. */
  public List<String> hookNames() {
    return hooks.stream().map(h -> h.event().hookName()).toList();
  }

  /** The outcome of the first hook with this name. @throws IllegalArgumentException if none ran */
  public HookOutcome hook(String hookName) {
    return hooks.stream().filter(h -> h.event().hookName().equals(hookName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no hook " + hookName + " ran; ran "
            + hookNames()));
  }
}
