package charms.reactive;

import charms.reactive.internal.conditions.FlagCondition;
import charms.reactive.internal.conditions.HookCondition;
import charms.reactive.internal.conditions.OnlyOnceCondition;
import charms.reactive.internal.conditions.RestrictedHookCondition;

/**
 * The conditions of the original's decorators. Flag names are validated when the condition is
 * made: an invalid name throws {@link InvalidFlagException} naming it.
 */
public final class Conditions {
  private Conditions() {
  }

  /** All flags set ({@code @when}); true for no flags. Phase other. */
  public static Condition when(String... flags) {
    return FlagCondition.of(FlagCondition.Mode.ALL, flags);
  }

  /** Same as {@link #when}. */
  public static Condition whenAll(String... flags) {
    return when(flags);
  }

  /** At least one flag set. Phase other. */
  public static Condition whenAny(String... flags) {
    return FlagCondition.of(FlagCondition.Mode.ANY, flags);
  }

  /** No flag set ({@code @when_not}). Phase other. */
  public static Condition whenNot(String... flags) {
    return FlagCondition.of(FlagCondition.Mode.NONE, flags);
  }

  /** Same as {@link #whenNot}. */
  public static Condition whenNone(String... flags) {
    return whenNot(flags);
  }

  /** Not every flag set. Phase other. */
  public static Condition whenNotAll(String... flags) {
    return FlagCondition.of(FlagCondition.Mode.NOT_ALL, flags);
  }

  /**
   * The hook's name matches one of the patterns, after expanding {@code {A,B}} alternatives and
   * {@code {role:interface}} (role {@code provides}, {@code requires} or {@code peers}) into the
   * relation names of {@code metadata.yaml}. Phase hooks.
   *
   * @throws IllegalArgumentException naming the pattern if its braces do not balance
   */
  public static Condition hook(String... patterns) {
    return new HookCondition(patterns);
  }

  /** True until the handler has once completed successfully in a committed hook. */
  public static Condition onlyOnce() {
    return OnlyOnceCondition.INSTANCE;
  }

  /**
   * One of these hook-scoped facts holds in this hook ({@link HookFacts}); once per hook for each
   * handler. Phase other.
   *
   * @throws IllegalArgumentException if no fact is given or one is empty or has whitespace
   */
  public static Condition whenChanged(String... facts) {
    return new charms.reactive.internal.conditions.WhenChangedCondition(facts);
  }

  /**
   * The stable part of a handler whose conditions are put together outside {@link Handler}
   * (an external handler's functions): holds when the digest of {@code flagsRead} (with their
   * values) and {@code inputs} ({@code kind:key}) differs from the one recorded after the
   * handler's last success; records it on success. {@link Handler.Builder#stable()} adds it
   * itself.
   *
   * @param handlerId named in errors
   * @throws HandlerDefinitionException naming the handler if an input spec is malformed
   */
  public static Condition stable(String handlerId, java.util.Collection<String> flagsRead,
      java.util.List<String> inputs) {
    java.util.List<charms.reactive.internal.stable.InputSpec> specs = new java.util.ArrayList<>();
    for (String spec : inputs) {
      specs.add(charms.reactive.internal.stable.InputSpec.parse(spec, handlerId));
    }
    return new charms.reactive.internal.stable.StableCondition(
        new java.util.LinkedHashSet<>(flagsRead), specs, null);
  }

  /** The {@code collect-metrics} hook, in restricted mode. */
  public static Condition collectMetrics() {
    return new RestrictedHookCondition("collect-metrics");
  }

  /** The {@code meter-status-changed} hook, in restricted mode. */
  public static Condition meterStatusChanged() {
    return new RestrictedHookCondition("meter-status-changed");
  }
}
