package charms.reactive.relations;

import java.util.Locale;

/** The side a charm takes in a relation, as declared in {@code metadata.yaml}. */
public enum Role {
  PROVIDES,
  REQUIRES,
  /** A peer relation, between the units of one application ({@code peers} in metadata.yaml). */
  PEERS;

  /** The metadata.yaml key: {@code provides}, {@code requires} or {@code peers}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role for a metadata.yaml key.
   *
   * @throws IllegalArgumentException naming the key if it is not a role
   */
  public static Role fromKey(String key) {
    for (Role r : values()) {
      if (r.key().equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException("'" + key + "' is not a relation role: expected provides, "
        + "requires or peers (not 'peer')");
  }
}
