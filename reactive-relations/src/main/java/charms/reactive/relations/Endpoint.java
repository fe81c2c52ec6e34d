package charms.reactive.relations;

import charms.reactive.FlagFact;
import charms.reactive.Flags;
import charms.reactive.RelationRef;
import charms.reactive.relations.internal.EndpointPlaceholders;
import charms.reactive.spi.InterfaceHandlerBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * The base class of an interface's endpoint implementation (the original's {@code Endpoint}):
 * one instance per relation name of its role and interface in {@code metadata.yaml}, made by the
 * framework at the start of every hook. Subclass it, give it a no-argument constructor, register
 * it ({@link Implementation#endpoint}) and declare its interface handlers as annotated methods,
 * with {@code {endpoint_name}} in their flags:
 *
 * <pre>{@code
 * public class PgsqlRequires extends Endpoint {
 *   @When("endpoint.{endpoint_name}.joined")
 *   public void requestDatabase() {
 *     for (Relation r : relations()) {
 *       r.toPublish().put("database", "webapp");
 *     }
 *   }
 *
 *   @Override
 *   public Flux<FlagFact> facts() {   // the interface's own flags, derived from relation data
 *     return Flux.just(FlagFact.toggled("{endpoint_name}.database.available",
 *         allJoinedUnits().received().text("host").isPresent()));
 *   }
 * }
 * }</pre>
 *
 * <p>The framework manages {@code endpoint.<name>.joined} (a remote unit is in any relation),
 * {@code .changed} and {@code .changed.<field>} (a remote unit's field changed or was removed
 * since the last hook; never cleared automatically), and {@code .departed} (set in this
 * endpoint's {@code -relation-departed}, cleared at the start of a later hook in which the
 * endpoint is still joined) on every non-restricted hook.
 *
 * <p>Instances are bound to one hook: use them only inside it, on its thread, and only from the
 * framework's calls (constructors must not touch relation data: the instance is not bound yet).
 */
@InterfaceHandlerBase
public abstract class Endpoint extends RelationBinding {
  private static final String PLACEHOLDER = EndpointPlaceholders.ENDPOINT_NAME;

  private List<Relation> relations;
  private RelatedUnits allJoined;
  private DepartedUnits departed;

  protected Endpoint() {
  }

  final void bind(HookRelations hookRelations, String endpointName, Role endpointRole,
      String endpointInterface) {
    bindTo(hookRelations, endpointName, endpointRole, endpointInterface);
  }

  @Override
  final String kind() {
    return "endpoint";
  }

  @Override
  final String unboundHint() {
    return "endpoints are made by the framework when a hook starts (get them from Endpoints or "
        + "as handler parameters), and constructors must not read relation data";
  }

  /** The relation name in metadata.yaml, such as {@code db}. */
  public final String endpointName() {
    return boundName();
  }

  /** The unit's flags. */
  protected final Flags flags() {
    return context().flags();
  }

  /**
   * The endpoint's relations, by numeric relation id. In {@code -relation-departed}, a relation
   * that has no unit left is not listed (as in the original); in {@code -relation-broken}, the
   * broken relation is not listed.
   */
  public final List<Relation> relations() {
    if (relations == null) {
      HookRelations h = hook();
      List<Relation> list = new ArrayList<>();
      for (RelationRef ref : h.relationIds(name)) {
        Relation r = h.relation(ref);
        if (h.departingRemoteUnit(ref).isPresent() && r.joinedUnits().isEmpty()) {
          continue;
        }
        list.add(r);
      }
      relations = List.copyOf(list);
    }
    return relations;
  }

  /** The relation with this numeric id, if it is one of {@link #relations()}. */
  public final Optional<Relation> relation(int id) {
    return relations().stream().filter(r -> r.id() == id).findFirst();
  }

  /** The relation with this id ({@code db:3} or {@code 3}), if it is one of {@link #relations()}. */
  public final Optional<Relation> relation(String relationId) {
    return relation(RelationRef.parse(relationId, name).id());
  }

  /** True if any relation has a remote unit. */
  public final boolean isJoined() {
    return !allJoinedUnits().isEmpty();
  }

  /** Every remote unit of every relation, by relation id and then unit number. */
  public final RelatedUnits allJoinedUnits() {
    if (allJoined == null) {
      List<RelatedUnit> all = new ArrayList<>();
      for (Relation r : relations()) {
        all.addAll(r.joinedUnits());
      }
      allJoined = new RelatedUnits("every unit of endpoint " + name, all);
    }
    return allJoined;
  }

  /** The units that departed, kept until the charm removes them. */
  public final DepartedUnits allDepartedUnits() {
    if (departed == null) {
      departed = new DepartedUnits(hook().records(), "endpoint." + name + ".departed");
    }
    return departed;
  }

  /**
   * The original's {@code expand_name}: a flag without {@code {endpoint_name}} gets the prefix
   * {@code endpoint.{endpoint_name}.}; then the placeholder is replaced by this endpoint's name.
   * So {@code joined} is {@code endpoint.db.joined} and {@code {endpoint_name}.ready} is
   * {@code db.ready}.
   */
  public final String expandName(String flag) {
    String withPrefix = flag.contains(PLACEHOLDER) ? flag : "endpoint." + PLACEHOLDER + "." + flag;
    return EndpointPlaceholders.expandName(withPrefix, endpointName());
  }

  /** Sets {@link #expandName}{@code (flag)}. */
  public final void setFlag(String flag) {
    flags().set(expandName(flag));
  }

  /** Clears {@link #expandName}{@code (flag)}. */
  public final void clearFlag(String flag) {
    flags().clear(expandName(flag));
  }

  /** Sets or clears {@link #expandName}{@code (flag)}. */
  public final void toggleFlag(String flag, boolean set) {
    flags().toggle(expandName(flag), set);
  }

  /** Whether {@link #expandName}{@code (flag)} is set. */
  public final boolean isFlagSet(String flag) {
    return flags().isSet(expandName(flag));
  }

  /**
   * Called once per hook, before this endpoint's automatic flags are managed, to register
   * triggers (for example an alias of {@code endpoint.<name>.joined}). Default: nothing.
   */
  protected void registerTriggers() {
  }

  /**
   * Called on every non-restricted hook, once every state source's facts (the automatic endpoint
   * flags and the interfaces' {@link #facts()}) are applied, before the dispatch; endpoints in
   * name order. It may set and clear flags. The original skipped it when the endpoint was joined
   * and the hook was not its own. Default: nothing.
   */
  protected void manageFlags() {
  }

  /**
   * The interface's own flags, derived from relation data: a source of facts that the framework
   * merges into the state the dispatch starts from, after every endpoint's automatic flags. A
   * {@code {endpoint_name}} in a fact's flag is replaced by this endpoint's name. Subscribed to
   * once per non-restricted hook; it must be cold and free of side effects (subscribing again
   * yields the same facts and changes nothing: set flags in {@link #manageFlags()}), it must
   * complete, and an error fails the hook. Default: no facts.
   */
  public Flux<FlagFact> facts() {
    return Flux.empty();
  }

  /** Facts of a pattern base class (request/response), after the automatic flags. */
  Flux<FlagFact> patternFacts() {
    return Flux.empty();
  }

  final HookRelations hookRelations() {
    return hook();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + (name == null ? "unbound" : name) + "]";
  }
}
