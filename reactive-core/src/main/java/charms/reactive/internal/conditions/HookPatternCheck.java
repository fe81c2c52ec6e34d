package charms.reactive.internal.conditions;

import charms.reactive.Condition;
import charms.reactive.Handler;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.HookContext;
import charms.reactive.LifecycleCallback;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fails a hook at its start, before any handler, if a handler's {@code @hook} pattern can match no
 * hook of the charm ({@link JujuHookNames}): the error names the handler and the pattern, and the
 * hook probably meant. Without a {@code metadata.yaml} in the charm directory nothing is checked.
 * The annotation processor makes the same check at compile time when given the metadata.
 */
public final class HookPatternCheck implements LifecycleCallback {
  private record Declared(String handlerId, String pattern) {
  }

  private final List<Declared> declared;

  private HookPatternCheck(List<Declared> declared) {
    this.declared = declared;
  }

  /** The check for these handlers, or empty if none of them names a hook. */
  public static Optional<LifecycleCallback> of(List<Handler> handlers) {
    List<Declared> declared = new ArrayList<>();
    for (Handler h : handlers) {
      for (Condition c : h.conditions()) {
        if (c instanceof HookCondition hook) {
          hook.patterns().forEach(p -> declared.add(new Declared(h.id(), p)));
        }
      }
    }
    return declared.isEmpty() ? Optional.empty() : Optional.of(new HookPatternCheck(List.copyOf(declared)));
  }

  @Override
  public void run(HookContext context) {
    Optional<JujuHookNames> names = JujuHookNames.read(context.environment().charmDir().resolve("metadata.yaml"));
    if (names.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (Declared d : declared) {
      names.get().problem(d.pattern()).ifPresent(p -> problems.add("handler " + d.handlerId() + ": " + p));
    }
    if (!problems.isEmpty()) {
      throw new HandlerDefinitionException(String.join("\n", problems));
    }
  }
}
