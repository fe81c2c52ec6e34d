package charms.reactive.relations;

import java.util.Objects;

/**
 * How a {@link RelationBase} groups remote units into conversations (the original's scopes):
 * <ul>
 *   <li>{@link #UNIT}: one conversation per remote unit per relation id (the default);
 *   <li>{@link #SERVICE}: one per remote application per relation id;
 *   <li>{@link #GLOBAL}: one for every unit of every relation of the relation name;
 *   <li>{@link #custom}: like global, one per relation name and scope name.
 * </ul>
 *
 * @param name the scope's name: {@code unit}, {@code service}, {@code global} or a custom name
 */
public record Scope(String name) {
  public static final Scope UNIT = new Scope("unit");
  public static final Scope SERVICE = new Scope("service");
  public static final Scope GLOBAL = new Scope("global");

  public Scope {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("invalid scope name '" + name + "'");
    }
  }

  /** A custom scope: a single conversation per relation name with this scope name. */
  public static Scope custom(String name) {
    return new Scope(name);
  }

  /** True for {@link #UNIT} and {@link #SERVICE}, whose conversations are per relation id. */
  public boolean perRelation() {
    return equals(UNIT) || equals(SERVICE);
  }
}
