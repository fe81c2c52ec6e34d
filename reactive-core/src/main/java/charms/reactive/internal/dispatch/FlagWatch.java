package charms.reactive.internal.dispatch;

import charms.reactive.internal.FlagListener;
import java.util.HashSet;
import java.util.Set;

/**
 * Which flags changed in the previous iteration. In iteration 0 every handler is considered; in
 * iteration N > 0 a handler that watches flags is considered only if one of them changed (was set
 * or cleared, triggers included) during iteration N-1.
 */
final class FlagWatch implements FlagListener {
  private int iteration;
  private String unchangedReason = "";
  private Set<String> changes = new HashSet<>();
  private Set<String> pending = new HashSet<>();
  /** Set flags whose value changed: seen by stable handlers only. */
  private Set<String> valueChanges = new HashSet<>();
  private Set<String> pendingValues = new HashSet<>();

  void iteration(int number) {
    iteration = number;
    unchangedReason = "none of its flags changed in iteration " + (number - 1) + ": ";
  }

  /** The reason for a handler not considered in this iteration, made once per iteration. */
  String unchangedReason() {
    return unchangedReason;
  }

  /** Ends a pass: its changes become the ones the next iteration looks at. */
  void commit() {
    changes = pending;
    pending = new HashSet<>();
    valueChanges = pendingValues;
    pendingValues = new HashSet<>();
  }

  /** Whether one of {@code watched} got a new value in the previous iteration (N > 0). */
  boolean valueChanged(java.util.Collection<String> watched) {
    if (iteration == 0 || valueChanges.isEmpty()) {
      return false;
    }
    for (String flag : watched) {
      if (valueChanges.contains(flag)) {
        return true;
      }
    }
    return false;
  }

  /** The flags whose value (not presence) changed in the previous iteration. */
  Set<String> valueChanges() {
    return valueChanges;
  }

  boolean watches(java.util.Collection<String> watched) {
    if (iteration == 0 || watched.isEmpty()) {
      return true;
    }
    if (changes.isEmpty()) {
      return false; // the last pass of every hook: nothing to look up for any handler
    }
    for (String flag : watched) {
      if (changes.contains(flag)) {
        return true;
      }
    }
    return false;
  }

  /** The flags that changed in the previous iteration. */
  Set<String> changes() {
    return changes;
  }

  int iteration() {
    return iteration;
  }

  @Override
  public void onTransition(String flag, boolean set) {
    pending.add(flag);
  }

  @Override
  public void onValueChanged(String flag) {
    pendingValues.add(flag);
  }
}
