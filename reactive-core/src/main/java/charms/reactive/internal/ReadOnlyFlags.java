package charms.reactive.internal;

import charms.reactive.FlagView;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** Flags that can only be read: every call goes to the wrapped flags; no {@code Flags} to cast to. */
public final class ReadOnlyFlags implements FlagView, FlagLookup {
  private final FlagView flags;

  private ReadOnlyFlags(FlagView flags) {
    this.flags = flags;
  }

  /** {@code flags} itself if it is already read-only (a snapshot, a wrapper), else a wrapper. */
  public static FlagView of(FlagView flags) {
    return flags instanceof FlagSnapshot || flags instanceof ReadOnlyFlags ? flags
        : new ReadOnlyFlags(flags);
  }

  @Override
  public boolean containsValidName(String flag) {
    return flags instanceof FlagLookup lookup ? lookup.containsValidName(flag) : flags.isSet(flag);
  }

  @Override
  public boolean isSet(String flag) {
    return flags.isSet(flag);
  }

  @Override
  public boolean allSet(String... names) {
    return flags.allSet(names);
  }

  @Override
  public boolean anySet(String... names) {
    return flags.anySet(names);
  }

  @Override
  public List<String> list() {
    return flags.list();
  }

  @Override
  public List<String> unset(String... names) {
    return flags.unset(names);
  }

  @Override
  public Optional<JsonNode> value(String flag) {
    return flags.value(flag);
  }
}
