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
 * successfully. {@code @stable} and {@code @inputs kind:key ...} make the function a stable
 * handler (keyed by its id), {@code @when_changed fact ...} tests hook-scoped facts. Testing
 * changes nothing.
 */
public final class FunctionConditions {
  private final FunctionSpec spec;
  private final List<Condition> conditions = new ArrayList<>();
  private final Set<String> flags = new LinkedHashSet<>();
  private final Phase phase;
  private final boolean stable;

  /**
   * @throws IllegalArgumentException naming the function if a decorator is unknown or has no
   *     arguments (only {@code @only_once} takes none), or if
   *     {@code @hook} is combined with a flag decorator (such a function could never run)
   */
  public FunctionConditions(FunctionSpec spec) {
    this.spec = spec;
    boolean hook = false;
    boolean flagTests = false;
    boolean isStable = false;
    List<String> inputs = new ArrayList<>();
    for (FunctionSpec.Test test : spec.tests()) {
      String[] args = test.args().toArray(String[]::new);
      if (args.length == 0 && !test.kind().equals("only_once") && !test.kind().equals("stable")) {
        throw new IllegalArgumentException("bash handler " + spec.id() + ": @" + test.kind()
            + " names no " + (test.kind().equals("hook") ? "hook pattern"
            : test.kind().equals("when_file_changed") ? "file"
            : test.kind().equals("inputs") ? "input (kind:key)"
            : test.kind().equals("when_changed") ? "fact" : "flag")
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
        case "when_changed" -> conditions.add(Conditions.whenChanged(args));
        case "stable" -> {
          if (args.length > 0) {
            throw new IllegalArgumentException("bash handler " + spec.id()
                + ": @stable takes no arguments; declare inputs with @inputs kind:key ...");
          }
          isStable = true;
        }
        case "inputs" -> {
          inputs.addAll(test.args());
          isStable = true;
        }
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
    this.stable = isStable;
    if (isStable) {
      try {
        conditions.add(Conditions.stable(spec.id(), flags, inputs));
      } catch (charms.reactive.HandlerDefinitionException e) {
        throw new IllegalArgumentException("bash " + e.getMessage(), e);
      }
    }
  }

  public FunctionSpec spec() {
    return spec;
  }

  /** Whether the function should run now. */
  public boolean holds(CommandContext context) {
    if (context.phase() != null && context.phase() != phase) {
      return false;
    }
    // a stable function's inputs include the flags' values, which the flag watch does not
    // follow: its own condition decides, in the JVM, without the watch
    if (!stable && !flags.isEmpty() && !context.watched(flags)) {
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
