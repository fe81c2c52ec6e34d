package charms.reactive.juju;

import java.util.Locale;

/** The statuses a charm may set, highest priority first. */
public enum WorkloadStatus {
  BLOCKED, WAITING, MAINTENANCE, ACTIVE;

  /** The word {@code status-set} takes. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@code status-get} word; {@code unknown}, {@code error} and others give null. */
  public static WorkloadStatus fromWord(String word) {
    for (WorkloadStatus s : values()) {
      if (s.word().equals(word)) {
        return s;
      }
    }
    return null;
  }
}
