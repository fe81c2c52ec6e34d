package charms.reactive.bash.internal;

import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.Conditions;
import charms.reactive.HandlerContext;
import charms.reactive.Phase;
import charms.reactive.fs.FileConditions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A bash function's decorators as the core's conditions, so a bash handler means exactly what the
 * same decorators mean on a Java handler: {@code @hook} runs in the hooks phase, the {@code when}
 * family in phase other with the flag watch over their flags, {@code @only_once} and
 * {@code @when_file_changed} are keyed by the function's own id and consumed only after it ran
 * successfully. Testing changes nothing.
 */
public final class FunctionConditions {
  private final FunctionSpec spec;
  private final List<Condition> conditions = new ArrayList<>();
  private final Set<String> flags = new LinkedHashSet<>();
  private final Phase phase;

  /**
   * @throws IllegalArgumentException naming the function if a decorator is unknown or has no
   *     arguments (only {@code @only_once} takes none), or if
   *     {@code @hook} is combined with a flag decorator (such a function could never run)
   */
  public FunctionConditions(FunctionSpec spec) {
    this.spec = spec;
    boolean hook = false;
    boolean flagTests = false;
    for (FunctionSpec.Test test : spec.tests()) {
      String[] args = test.args().toArray(String[]::new);
      if (args.length == 0 && !test.kind().equals("only_once")) {
        throw new IllegalArgumentException("bash handler " + spec.id() + ": @" + test.kind()
            + " names no " + (test.kind().equals("hook") ? "hook pattern"
            : test.kind().equals("when_file_changed") ? "file" : "flag")
            + "; a decorator without arguments is refused (give it at least one)");
      }
      switch (test.kind()) {
        case "hook" -> {
          conditions.add(Conditions.hook(args));
          hook = true;
        }
        case "when", "when_all" -> conditions.add(Conditions.when(args));
        case "when_any" -> conditions.add(Conditions.whenAny(args));
        case "when_not", "when_none" -> conditions.add(Conditions.whenNot(args));
        case "when_not_all" -> conditions.add(Conditions.whenNotAll(args));
        case "when_file_changed" -> conditions.add(FileConditions.whenFileChanged(List.of(args),
            List.of(), charms.reactive.fs.HashAlgorithm.SHA256));
        case "only_once" -> conditions.add(Conditions.onlyOnce());
        default -> throw new IllegalArgumentException("invalid test '" + test.kind() + "' in handler "
            + spec.id());
      }
      if (test.kind().startsWith("when") && !test.kind().equals("when_file_changed")) {
        flags.addAll(test.args());
        flagTests = true;
      }
    }
    if (hook && flagTests) {
      throw new IllegalArgumentException("bash handler " + spec.id()
          + " can never run: @hook runs in the hooks phase, flag decorators in phase other");
    }
    this.phase = hook ? Phase.HOOKS : Phase.OTHER;
  }

  public FunctionSpec spec() {
    return spec;
  }

  /** Whether the function should run now. */
  public boolean holds(CommandContext context) {
    if (context.phase() != null && context.phase() != phase) {
      return false;
    }
    if (!flags.isEmpty() && !context.watched(flags)) {
      return false;
    }
    ConditionContext own = context.forHandler(spec.id());
    for (Condition c : conditions) {
      if (!c.test(own).holds()) {
        return false;
      }
    }
    return true;
  }

  /** After the function ran successfully: marks {@code @only_once}, stores file digests. */
  public void succeeded(CommandContext context) {
    HandlerContext own = context.forSuccess(spec.id());
    for (Condition c : conditions) {
      c.onHandlerSuccess(own);
    }
  }
}
