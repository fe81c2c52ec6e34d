package charms.reactive.relations;

import charms.reactive.RelationRef;
import charms.reactive.spi.InterfaceHandlerBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The base class of an interface implementation in the older conversation API (the original's
 * {@code RelationBase}): one instance per relation name of its role and interface, made
 * by the framework when a hook starts. Override {@link #scope()} to group remote units other than
 * per unit; declare interface handlers as annotated methods, typically hook handlers:
 *
 * <pre>{@code
 * public class HttpRequires extends RelationBase {
 *   @Hook("{requires:http}-relation-{joined,changed}")
 *   public void changed() {
 *     Conversation conv = conversation();
 *     conv.toggleState("{relation_name}.available", conv.getRemote("port") != null);
 *   }
 *
 *   @Hook("{requires:http}-relation-departed")
 *   public void departed() {
 *     conversation().removeState("{relation_name}.available");
 *   }
 * }
 * }</pre>
 *
 * <p>In a handler bound to relation {@code website}, a {@code {requires:http}} group (this class's
 * own role and interface) in a hook pattern stands for {@code website} only, so each instance
 * handles its own relation's hooks.
 *
 * <p>Differences from the original: conversations are joined only in their own relation's hooks, with the remote
 * unit of that hook; {@link #conversation()} outside them is an error instead of a junk
 * conversation; departure uses this class's scope; a conversation's local data goes with it; a
 * state whose conversations have all gone is cleared. Not thread-safe; bound to one hook.
 */
@InterfaceHandlerBase
public abstract class RelationBase extends RelationBinding {
  private ConversationStore store;
  private Set<String> only;

  protected RelationBase() {
  }

  final void bind(HookRelations hookRelations, ConversationStore conversations, String relationName,
      Role relationRole, String relationInterface, Set<String> onlyKeys) {
    bindTo(hookRelations, relationName, relationRole, relationInterface);
    this.store = conversations;
    this.only = onlyKeys == null ? null : Set.copyOf(onlyKeys);
  }

  @Override
  final String kind() {
    return "relation";
  }

  @Override
  final String unboundHint() {
    return "relation bases are made by the framework when a hook starts";
  }

  /**
   * How this interface groups remote units into conversations; {@link Scope#UNIT} unless
   * overridden. Must return the same scope every time.
   */
  public Scope scope() {
    return Scope.UNIT;
  }

  /** The relation name in metadata.yaml. */
  public final String relationName() {
    return boundName();
  }

  /**
   * The conversations of this relation name (only those holding the state, for an instance a
   * handler received for a state's flag), by key.
   */
  public final List<Conversation> conversations() {
    hook();
    List<Conversation> list = new ArrayList<>();
    for (String key : store.keys()) {
      if (only == null || only.contains(key)) {
        list.add(new Conversation(hook, store, name, key));
      }
    }
    return list;
  }

  /**
   * The conversation of this hook: for the unit and service scopes, the one of this relation's
   * hook's remote unit (or application); for the global and custom scopes, the single one.
   *
   * @throws RelationException if this hook has no such conversation (for unit and service
   *     scopes: it is not one of this relation's hooks with a remote unit)
   */
  public final Conversation conversation() {
    String key = currentKey().orElseThrow(() -> new RelationException("relation " + name
        + " has no current conversation in hook " + hook().environment().hookName()
        + ": with scope " + scope().name() + " it needs one of " + name + "'s relation hooks "
        + "with a remote unit; use conversation(scope) or conversations()"));
    return find(key).orElseThrow(() -> new RelationException("relation " + name
        + ": conversation " + key + " not found"));
  }

  /**
   * The conversation with this scope value (a remote unit name for the unit scope, an application
   * name for the service scope, {@code global} or the custom scope's name).
   *
   * @throws RelationException if there is none
   */
  public final Conversation conversation(String scopeValue) {
    for (Conversation c : conversations()) {
      if (c.scope().equals(scopeValue)) {
        return c;
      }
    }
    throw new RelationException("relation " + name + ": conversation with scope '" + scopeValue
        + "' not found");
  }

  private Optional<Conversation> find(String key) {
    if (store.get(key).isEmpty() || (only != null && !only.contains(key))) {
      return Optional.empty();
    }
    return Optional.of(new Conversation(hook, store, name, key));
  }

  /** The key of this hook's conversation for this class's scope, if this hook has one. */
  final Optional<String> currentKey() {
    HookRelations h = hook();
    Scope scope = scope();
    if (!scope.perRelation()) {
      return Optional.of(ConversationStore.key(name, scope.name()));
    }
    if (!h.isOwnRelationHook(name)) {
      return Optional.empty();
    }
    Optional<RelationRef> rel = h.hookRelation();
    Optional<String> unit = h.environment().remoteUnit();
    if (rel.isEmpty() || unit.isEmpty()) {
      return Optional.empty();
    }
    String namespace = new RelationRef(name, rel.get().id()).toString();
    String scopeValue = scope.equals(Scope.UNIT) ? unit.get()
        : h.environment().remoteApp().orElse(Relation.application(unit.get()));
    return Optional.of(ConversationStore.key(namespace, scopeValue));
  }

  /** Joins this hook's remote unit into its conversation (framework use, at hook start). */
  final void joinCurrent() {
    HookRelations h = hook();
    Optional<RelationRef> rel = h.hookRelation();
    Optional<String> unit = h.environment().remoteUnit();
    if (rel.isEmpty() || unit.isEmpty()) {
      return;
    }
    Scope scope = scope();
    String namespace = scope.perRelation() ? new RelationRef(name, rel.get().id()).toString() : name;
    String scopeValue = scope.equals(Scope.UNIT) ? unit.get()
        : scope.equals(Scope.SERVICE) ? h.environment().remoteApp().orElse(Relation.application(unit.get()))
        : scope.name();
    store.join(namespace, scopeValue, unit.get());
  }

  /**
   * Removes this hook's departing remote unit from its conversation, in this class's scope
   * (framework use, at the end of {@code -relation-departed}). A conversation left without units
   * is deleted, and taken out of every state that listed it.
   */
  final void departCurrent() {
    HookRelations h = hook();
    Optional<String> key = currentKey();
    Optional<String> unit = h.environment().remoteUnit();
    if (key.isEmpty() || unit.isEmpty()) {
      return;
    }
    if (store.depart(key.get(), unit.get())) {
      var flags = h.context().flags();
      for (String flag : flags.list()) {
        Conversation.removeKeyFromState(flags, flag, key.get());
      }
    }
  }

  /** Sets a state on this hook's conversation. */
  public final void setState(String state) {
    conversation().setState(state);
  }

  /** Sets a state on the conversation with this scope value. */
  public final void setState(String state, String scopeValue) {
    conversation(scopeValue).setState(state);
  }

  public final void removeState(String state) {
    conversation().removeState(state);
  }

  public final void removeState(String state, String scopeValue) {
    conversation(scopeValue).removeState(state);
  }

  public final boolean isState(String state) {
    return conversation().isState(state);
  }

  public final boolean isState(String state, String scopeValue) {
    return conversation(scopeValue).isState(state);
  }

  public final void toggleState(String state, boolean active) {
    conversation().toggleState(state, active);
  }

  /** This hook's conversation's {@link Conversation#setRemote(String, String)}. */
  public final void setRemote(String key, String value) {
    conversation().setRemote(key, value);
  }

  /** This hook's conversation's {@link Conversation#getRemote(String)}. */
  public final String getRemote(String key) {
    return conversation().getRemote(key);
  }

  public final String getRemote(String key, String fallback) {
    return conversation().getRemote(key, fallback);
  }

  public final void setLocal(String key, Object value) {
    conversation().setLocal(key, value);
  }

  public final com.fasterxml.jackson.databind.JsonNode getLocal(String key) {
    return conversation().getLocal(key);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + (name == null ? "unbound" : name) + "]";
  }
}
