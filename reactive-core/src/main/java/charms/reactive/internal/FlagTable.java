package charms.reactive.internal;

import charms.reactive.Flags;
import charms.reactive.Trigger;
import charms.reactive.TriggerCycleException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link Flags} of one hook, inside the {@link UnitState} transaction. Fires triggers on real
 * transitions (set-flags, then clear-flags, then callbacks, each trigger of the transition in
 * registration order) and tells the {@link FlagListener}s. A trigger chain that re-enters a
 * transition it is still firing is a cycle: it throws {@link TriggerCycleException}.
 */
public final class FlagTable implements Flags, FlagLookup {
  private final TreeMap<String, JsonNode> flags;
  /**
   * The names in {@link #flags}, hashed: conditions ask whether a flag is set for every handler
   * in every iteration, and a sorted map's look-ups grow with the number of flags.
   */
  private final HashSet<String> present;
  private final UnitState owner;
  private final Map<Transition, List<Trigger>> triggers = new HashMap<>();
  private final List<FlagListener> listeners = new ArrayList<>();
  private final List<Transition> firing = new ArrayList<>();
  /** The flags as they are, frozen; handed out until the next change, then made again. */
  private FlagSnapshot frozen;

  private record Transition(String flag, boolean set) {
    @Override
    public String toString() {
      return (set ? "set " : "clear ") + flag;
    }
  }

  FlagTable(TreeMap<String, JsonNode> flags, List<Trigger> initialTriggers, UnitState owner) {
    this.flags = flags;
    this.present = new HashSet<>(flags.keySet());
    this.owner = owner;
    initialTriggers.forEach(this::registerTrigger);
  }

  public void addListener(FlagListener listener) {
    listeners.add(listener);
  }

  @Override
  public void registerTrigger(Trigger trigger) {
    FlagNames.requireValid(trigger.flag());
    trigger.setFlags().forEach(FlagNames::requireValid);
    trigger.clearFlags().forEach(FlagNames::requireValid);
    triggers.computeIfAbsent(new Transition(trigger.flag(), trigger.onSet()), k -> new ArrayList<>())
        .add(trigger);
  }

  @Override
  public void set(String flag) {
    set(flag, NullNode.getInstance());
  }

  @Override
  public void set(String flag, Object value) {
    FlagNames.requireValid(flag);
    JsonNode node = Json.toNode(value, "the value of flag '" + flag + "'");
    JsonNode old = flags.put(flag, node);
    if (old == null) {
      present.add(flag);
      frozen = null;
      owner.markDirty();
      transition(new Transition(flag, true));
    } else if (!old.equals(node)) {
      frozen = null;
      owner.markDirty();
      for (FlagListener l : listeners) {
        l.onValueChanged(flag);
      }
    }
  }

  @Override
  public void clear(String flag) {
    FlagNames.requireValid(flag);
    boolean wasSet = flags.remove(flag) != null;
    if (wasSet) {
      present.remove(flag);
      frozen = null;
    }
    for (FlagListener l : listeners) {
      l.onClearCalled(flag);
    }
    if (wasSet) {
      owner.markDirty();
      transition(new Transition(flag, false));
    }
  }

  @Override
  public void toggle(String flag, boolean shouldSet) {
    if (shouldSet) {
      set(flag);
    } else {
      clear(flag);
    }
  }

  private void transition(Transition t) {
    int earlier = firing.indexOf(t);
    if (earlier >= 0) {
      List<String> cycle = new ArrayList<>();
      for (Transition f : firing.subList(earlier, firing.size())) {
        cycle.add(f.toString());
      }
      cycle.add(t.toString());
      throw new TriggerCycleException(cycle);
    }
    for (FlagListener l : listeners) {
      l.onTransition(t.flag(), t.set());
    }
    List<Trigger> fired = triggers.get(t);
    if (fired == null) {
      return;
    }
    firing.add(t);
    try {
      for (Trigger trigger : List.copyOf(fired)) {
        trigger.setFlags().forEach(this::set);
      }
      for (Trigger trigger : List.copyOf(fired)) {
        trigger.clearFlags().forEach(this::clear);
      }
      for (Trigger trigger : List.copyOf(fired)) {
        trigger.callbacks().forEach(Runnable::run);
      }
    } finally {
      firing.remove(firing.size() - 1);
    }
  }

  @Override
  public boolean isSet(String flag) {
    return present.contains(FlagNames.requireValid(flag));
  }

  /** {@link #isSet} for a name already validated, such as a condition's: no validation. */
  @Override
  public boolean containsValidName(String flag) {
    return present.contains(flag);
  }

  @Override
  public boolean allSet(String... names) {
    return FlagSets.allSet(present, names);
  }

  @Override
  public boolean anySet(String... names) {
    return FlagSets.anySet(present, names);
  }

  @Override
  public List<String> list() {
    return List.copyOf(flags.keySet());
  }

  @Override
  public List<String> unset(String... names) {
    return FlagSets.unset(present, names);
  }

  @Override
  public Optional<JsonNode> value(String flag) {
    return Optional.ofNullable(flags.get(FlagNames.requireValid(flag)));
  }

  /**
   * The flags with their values as they are now, immutable: the same object until a flag is set,
   * cleared or given another value, so passes that change nothing share one copy.
   */
  public FlagSnapshot snapshot() {
    FlagSnapshot f = frozen;
    if (f == null) {
      f = FlagSnapshot.copyOf(flags);
      frozen = f;
    }
    return f;
  }
}
