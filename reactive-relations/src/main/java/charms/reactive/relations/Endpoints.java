package charms.reactive.relations;

import charms.reactive.CharmMetadata;
import charms.reactive.HookContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The endpoints and relation bases of one hook, one per relation name in {@code metadata.yaml},
 * made when the hook starts. Handlers get it injected by type, or receive their endpoint
 * directly as a parameter.
 *
 * <p>A relation whose role and interface have no registered implementation gets a generic
 * endpoint: it has the automatic flags and the data views, but no interface handlers; asking for
 * it as a specific type is an error that says the implementation is missing (or, with
 * {@link Relations.Builder#requireImplementations()}, the hook fails at its start).
 *
 * <p>Lives for one hook, on its thread.
 */
public final class Endpoints {
  private final ImplementationRegistry registry;
  private final boolean strict;
  private HookContext context;
  private HookRelations hook;
  private final Map<String, Endpoint> endpoints = new TreeMap<>();
  private final Map<String, RelationBase> bases = new TreeMap<>();
  private final Map<String, Declared> declared = new TreeMap<>();
  private final Map<String, ConversationStore> stores = new TreeMap<>();
  /** Per endpoint, the changed flags this hook's data scan found; null before the scan. */
  private Map<String, List<String>> changedFlags;

  /** A relation as metadata.yaml declares it, and what serves it. */
  record Declared(String name, Role role, String interfaceName, Implementation<?> implementation) {
  }

  Endpoints(ImplementationRegistry registry, boolean strict) {
    this.registry = registry;
    this.strict = strict;
  }

  /**
   * Makes the instances for this hook, once: this service is made per hook, so later calls (with
   * the same hook's context, or a handler's view of it) do nothing.
   */
  void bind(HookContext hookContext) {
    if (context != null) {
      return;
    }
    context = hookContext;
    hook = new HookRelations(hookContext);
    CharmMetadata metadata = hookContext.metadata();
    List<String> missing = new ArrayList<>();
    for (Role role : Role.values()) {
      for (Map.Entry<String, String> e : metadata.relations().getOrDefault(role.key(), Map.of()).entrySet()) {
        String name = e.getKey();
        String iface = e.getValue();
        if (declared.containsKey(name)) {
          throw new RelationException("relation name '" + name + "' is declared twice in "
              + "metadata.yaml (as " + declared.get(name).role().key() + " and " + role.key() + ")");
        }
        Implementation<?> impl = registry.find(role, iface).orElse(null);
        declared.put(name, new Declared(name, role, iface, impl));
        if (impl == null) {
          missing.add(name + " (" + role.key() + " " + iface + ")");
          Endpoint generic = new GenericEndpoint();
          generic.bind(hook, name, role, iface);
          endpoints.put(name, generic);
        } else if (impl.isEndpoint()) {
          endpoints.put(name, newEndpoint(impl, name, role, iface));
        } else {
          bases.put(name, newRelationBase(impl, name, role, iface, null));
        }
      }
    }
    java.util.Collections.sort(missing);
    if (strict && !missing.isEmpty()) {
      throw new RelationException("no implementation is registered for relation"
          + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
          + "; register one with Relations.builder().implementation(...) or an InterfaceProvider");
    }
  }

  private Endpoint newEndpoint(Implementation<?> impl, String name, Role role, String iface) {
    Object made = impl.factory().get();
    if (!(made instanceof Endpoint ep) || !impl.type().isInstance(made)) {
      throw new RelationException("the factory of " + impl + " made "
          + (made == null ? "null" : made.getClass().getName()) + ", not a " + impl.type().getName());
    }
    ep.bind(hook, name, role, iface);
    return ep;
  }

  private RelationBase newRelationBase(Implementation<?> impl, String name, Role role, String iface,
      Set<String> only) {
    Object made = impl.factory().get();
    if (!(made instanceof RelationBase rb) || !impl.type().isInstance(made)) {
      throw new RelationException("the factory of " + impl + " made "
          + (made == null ? "null" : made.getClass().getName()) + ", not a " + impl.type().getName());
    }
    rb.bind(hook, store(name), name, role, iface, only);
    return rb;
  }

  private ConversationStore store(String name) {
    return stores.computeIfAbsent(name, n -> new ConversationStore(hook.records(), n));
  }

  private HookRelations hook() {
    if (hook == null) {
      throw new IllegalStateException("the endpoints are not made yet: they are made when the hook "
          + "starts, before the start callbacks");
    }
    return hook;
  }

  HookRelations hookRelations() {
    return hook();
  }

  /** Every relation name declared in metadata.yaml, sorted. */
  public List<String> names() {
    hook();
    return List.copyOf(declared.keySet());
  }

  /** Relation names declared without a registered implementation (served generically), sorted. */
  public List<String> unimplemented() {
    hook();
    List<String> names = new ArrayList<>();
    declared.values().forEach(d -> {
      if (d.implementation() == null) {
        names.add(d.name());
      }
    });
    return names;
  }

  /** Every endpoint (not relation bases), by relation name. */
  public List<Endpoint> all() {
    hook();
    return List.copyOf(endpoints.values());
  }

  /** Every relation base, by relation name. */
  public List<RelationBase> allRelationBases() {
    hook();
    return List.copyOf(bases.values());
  }

  /** The endpoints of a type, by relation name. */
  public <E extends Endpoint> List<E> ofType(Class<E> type) {
    List<E> list = new ArrayList<>();
    for (Endpoint e : all()) {
      if (type.isInstance(e)) {
        list.add(type.cast(e));
      }
    }
    return list;
  }

  /** The endpoint of a relation name, if it has one (not for a relation base). */
  public Optional<Endpoint> find(String name) {
    hook();
    return Optional.ofNullable(endpoints.get(name));
  }

  /**
   * The endpoint of a relation name.
   *
   * @throws RelationException if metadata.yaml declares no such relation, or a relation base
   *     serves it
   */
  public Endpoint get(String name) {
    Endpoint ep = endpoints.get(name);
    if (ep != null) {
      return ep;
    }
    throw notServed(name, Endpoint.class);
  }

  /**
   * The endpoint of a relation name, as its implementation type.
   *
   * @throws RelationException if there is no such relation, or it is served by another type
   *     (including the generic endpoint of a relation whose implementation is missing)
   */
  public <E extends Endpoint> E get(String name, Class<E> type) {
    Endpoint ep = get(name);
    if (type.isInstance(ep)) {
      return type.cast(ep);
    }
    throw notServed(name, type);
  }

  /**
   * The relation base of a relation name, as its implementation type.
   *
   * @throws RelationException if there is no such relation, or it is served by another type
   */
  public <R extends RelationBase> R relationBase(String name, Class<R> type) {
    hook();
    RelationBase rb = bases.get(name);
    if (type.isInstance(rb)) {
      return type.cast(rb);
    }
    throw notServed(name, type);
  }

  /**
   * The original's {@code Endpoint.from_flag}: for a set flag {@code endpoint.<name>.x} the
   * endpoint {@code <name>}, for a set flag {@code <name>.x} the endpoint {@code <name>}; empty if
   * the flag is not set or names no endpoint.
   */
  public Optional<Endpoint> fromFlag(String flag) {
    hook();
    if (!context.flags().isSet(flag)) {
      return Optional.empty();
    }
    return endpointNameOf(flag).map(endpoints::get);
  }

  /**
   * The relation base behind a set state, restricted to the conversations that hold it (the
   * original's {@code RelationBase.from_flag}); empty if the flag is not set or holds no
   * conversation of a relation base of this type.
   */
  public <R extends RelationBase> Optional<R> relationBaseFromFlag(String flag, Class<R> type) {
    hook();
    Optional<JsonNode> value = context.flags().value(flag);
    if (value.isEmpty() || !value.get().has("relation")) {
      return Optional.empty();
    }
    String name = value.get().path("relation").asText();
    Declared d = declared.get(name);
    if (d == null || d.implementation() == null || d.implementation().isEndpoint()
        || !type.isAssignableFrom(d.implementation().type())) {
      return Optional.empty();
    }
    Set<String> keys = new HashSet<>(Conversation.conversationsOf(value.get()));
    return Optional.of(type.cast(newRelationBase(d.implementation(), name, d.role(),
        d.interfaceName(), keys)));
  }

  /** The relation name a flag refers to, as the original's {@code endpoint_from_flag}. */
  static Optional<String> endpointNameOf(String flag) {
    String[] parts = flag.split("\\.", -1);
    if (parts.length < 2) {
      return Optional.empty();
    }
    if (parts[0].equals("endpoint") && parts.length >= 3) {
      return Optional.of(parts[1]);
    }
    return Optional.of(parts[0]);
  }

  Optional<Declared> declared(String name) {
    return Optional.ofNullable(declared.get(name));
  }

  /** Endpoints and relation bases with their registered implementation, by relation name. */
  Map<String, Object> implementedInstances() {
    hook();
    Map<String, Object> all = new LinkedHashMap<>();
    declared.forEach((name, d) -> {
      if (d.implementation() != null) {
        all.put(name, d.implementation().isEndpoint() ? endpoints.get(name) : bases.get(name));
      }
    });
    return all;
  }

  private RelationException notServed(String name, Class<?> wanted) {
    hook();
    Declared d = declared.get(name);
    if (d == null) {
      return new RelationException("no relation named '" + name + "' in metadata.yaml"
          + (declared.isEmpty() ? " (it declares none)" : " (it declares " + String.join(", ", declared.keySet()) + ")"));
    }
    String what = "relation '" + name + "' (" + d.role().key() + " " + d.interfaceName() + ")";
    if (d.implementation() == null) {
      return new RelationException(what + " has no registered implementation, so it is served by "
          + "the generic endpoint, not a " + wanted.getSimpleName() + "; register one for "
          + d.role().key() + "/" + d.interfaceName()
          + " with Relations.builder().implementation(...) or an InterfaceProvider");
    }
    return new RelationException(what + " is served by " + d.implementation().type().getName()
        + ", not a " + wanted.getName());
  }

  void changedFlags(Map<String, List<String>> flags) {
    changedFlags = Map.copyOf(flags);
  }

  /** The changed flags the hook's start found for one endpoint. */
  List<String> changedFlags(String endpointName) {
    if (changedFlags == null) {
      throw new RelationException("the endpoint flags were subscribed to before the hook's start "
          + "scanned the relation data (the relations extension's start callback does)");
    }
    return changedFlags.getOrDefault(endpointName, List.of());
  }
}
