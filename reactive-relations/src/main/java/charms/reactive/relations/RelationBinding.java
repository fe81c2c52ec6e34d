package charms.reactive.relations;

import charms.reactive.HookContext;

/**
 * What {@link Endpoint} and {@link RelationBase} share: the relation name, role and interface an
 * instance was made for, and the hook it is bound to. The framework makes and binds one instance
 * per relation name when a hook starts; until then (in a constructor, say) every accessor throws
 * {@link IllegalStateException}. Not for direct subclassing: extend {@code Endpoint} or
 * {@code RelationBase}. Not thread-safe: an instance belongs to one hook.
 */
public abstract class RelationBinding {
  HookRelations hook;
  String name;
  private Role role;
  private String interfaceName;

  RelationBinding() {
  }

  /** Binds this instance to a hook, once. */
  final void bindTo(HookRelations hookRelations, String relationName, Role relationRole,
      String relationInterface) {
    if (hook != null) {
      throw new IllegalStateException(kind() + " " + name + " is already bound to a hook");
    }
    this.hook = hookRelations;
    this.name = relationName;
    this.role = relationRole;
    this.interfaceName = relationInterface;
  }

  /** "endpoint" or "relation", for messages. */
  abstract String kind();

  /** Why an unbound instance cannot be used, and what to do instead. */
  abstract String unboundHint();

  final HookRelations hook() {
    if (hook == null) {
      throw new IllegalStateException(getClass().getName() + " is not bound to a hook: "
          + unboundHint());
    }
    return hook;
  }

  /** The relation name in metadata.yaml, such as {@code db}. */
  final String boundName() {
    hook();
    return name;
  }

  /** The role of this relation name in metadata.yaml. */
  public final Role role() {
    hook();
    return role;
  }

  /** The interface of this relation name in metadata.yaml. */
  public final String interfaceName() {
    hook();
    return interfaceName;
  }

  /** The hook this instance belongs to. */
  public final HookContext context() {
    return hook().context();
  }
}
