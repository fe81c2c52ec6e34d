package charms.reactive.internal;

import charms.reactive.CharmMetadata;
import charms.reactive.FlagView;
import charms.reactive.HookEnvironment;
import charms.reactive.HookView;
import charms.reactive.KeyValueView;
import charms.reactive.spi.FrameworkRecords;

/**
 * A hook that can only be read ({@link HookView#readOnly}): reads go to the wrapped hook as it is
 * when read, except the flags when given (a pass's {@link FlagSnapshot}).
 */
public final class ReadOnlyHook implements HookView, RecordsView {
  private final HookView hook;
  private final FlagView flags;

  private ReadOnlyHook(HookView hook, FlagView flags) {
    this.hook = hook;
    this.flags = flags;
  }

  public static HookView of(HookView hook) {
    return hook instanceof ReadOnlyHook ? hook : new ReadOnlyHook(hook, null);
  }

  /** {@code hook} read-only, with {@code flags} (already read-only) as its flags. */
  public static HookView withFlags(HookView hook, FlagView flags) {
    HookView inner = hook instanceof ReadOnlyHook r ? r.hook : hook;
    return new ReadOnlyHook(inner, ReadOnlyFlags.of(flags));
  }

  @Override
  public HookEnvironment environment() {
    return hook.environment();
  }

  @Override
  public String hookName() {
    return hook.hookName();
  }

  @Override
  public CharmMetadata metadata() {
    return hook.metadata();
  }

  @Override
  public FlagView flags() {
    return flags != null ? flags : ReadOnlyFlags.of(hook.flags());
  }

  @Override
  public KeyValueView data() {
    return ReadOnlyStore.of(hook.data());
  }

  @Override
  public KeyValueView records(String owner) {
    return ReadOnlyStore.of(FrameworkRecords.of(hook, owner));
  }
}
