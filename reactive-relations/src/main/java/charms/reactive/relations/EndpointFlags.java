package charms.reactive.relations;

import charms.reactive.FlagFact;
import charms.reactive.Flags;
import charms.reactive.HookContext;
import charms.reactive.HookFacts;
import charms.reactive.InvalidFlagException;
import charms.reactive.KeyValueStore;
import charms.reactive.RelationRef;
import charms.reactive.spi.StateSource;
import charms.reactive.juju.HookToolException;
import charms.reactive.relations.internal.ReceivedDigests;
import charms.reactive.relations.internal.RelationJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import reactor.core.publisher.Flux;

/**
 * The automatic endpoint flags as a source, endpoint by endpoint in name order: {@code joined},
 * {@code departed}, {@code changed} and {@code changed.<field>}, then the request/response flags
 * of the pattern classes. The data scan runs on every non-restricted hook (the original skipped it
 * outside the endpoint's own hooks once joined). A field whose name cannot be part of a flag
 * (whitespace, control characters, longer than {@value #MAX_FIELD_FLAG} characters: relation data
 * is untrusted) still sets {@code changed} but no {@code changed.<field>}, with a warning.
 *
 * <p>The source is cold and free of side effects. The bookkeeping happens once per hook in
 * {@link #prepare}, a start callback: binding the endpoints, their
 * {@link Endpoint#registerTriggers()}, the departure record, and the scan that compares the
 * received data with what the last hook saw (and records it for the next one); the source only
 * turns that reading into facts. Each endpoint's {@link Endpoint#manageFlags()} runs after every
 * source's facts are applied ({@link #manageFlags}).
 */
final class EndpointFlags implements StateSource {
  static final int MAX_FIELD_FLAG = 200;

  /** Start callback: binds the endpoints and reads what changed since the last hook. */
  static void prepare(HookContext context) {
    Endpoints endpoints = context.service(Endpoints.class);
    endpoints.bind(context);
    Map<String, List<String>> changedFlags = new TreeMap<>();
    for (Endpoint ep : endpoints.all()) {
      ep.registerTriggers();
      HookRelations hook = ep.hookRelations();
      String name = ep.endpointName();
      if (hook.isRelationHook(name, "departed")) {
        recordDeparture(ep, hook);
      }
      String prefix = "endpoint." + name + ".";
      List<String> flags = new ArrayList<>();
      List<String> changed = scan(ep, hook.records(), "endpoint." + name + ".seen");
      addFacts(context.service(HookFacts.class), name, changed,
          hook.isRelationHook(name, "departed"));
      if (!changed.isEmpty()) {
        flags.add(prefix + "changed");
        for (String field : changed) {
          String flag = prefix + "changed." + field;
          if (field.length() <= MAX_FIELD_FLAG && validFlag(context.flags(), flag)) {
            flags.add(flag);
          } else {
            context.log().warning("endpoint " + name + ": field '" + RelationJson.preview(field)
                + "' changed, but it cannot be part of a flag name; only " + prefix
                + "changed is set");
          }
        }
      }
      changedFlags.put(name, List.copyOf(flags));
    }
    endpoints.changedFlags(changedFlags);
  }

  /**
   * The hook-scoped facts of one endpoint: {@code endpoint.<name>.<field>} for each received field
   * that changed since the last committed hook (the comparison behind
   * {@code endpoint.<name>.changed.<field>}), {@code endpoint.<name>} if any did, and
   * {@code endpoint.<name>.departed} in its {@code -relation-departed} hook. A field name that
   * cannot be a fact name (whitespace) gives only {@code endpoint.<name>}.
   */
  private static void addFacts(HookFacts facts, String name, List<String> changed,
      boolean departed) {
    String prefix = "endpoint." + name;
    for (String field : changed) {
      facts.add(prefix);
      if (!field.isEmpty() && field.chars().noneMatch(Character::isWhitespace)) {
        facts.add(prefix + "." + field);
      }
    }
    if (departed) {
      facts.add(prefix + ".departed");
    }
  }

  /**
   * The {@code relation:<endpoint>:<field>} input of stable handlers: the field as every joined
   * remote unit of the endpoint sends it, by relation and unit ({@code {"db:1": {"pg/0": "h"}}}),
   * units without the field left out; null if none sends it.
   *
   * @throws IllegalArgumentException naming the spec if it has no {@code :<field>} part
   */
  static Object input(HookContext context, String key) {
    int colon = key.indexOf(':');
    if (colon <= 0 || colon == key.length() - 1) {
      throw new IllegalArgumentException("stable input relation:" + key
          + " is not of the form relation:<endpoint>:<field>");
    }
    String endpoint = key.substring(0, colon);
    String field = key.substring(colon + 1);
    Endpoint ep = context.service(Endpoints.class).find(endpoint).orElseThrow(
        () -> new IllegalArgumentException("stable input relation:" + key + " names endpoint '"
            + endpoint + "', which metadata.yaml does not declare"));
    SortedMap<String, SortedMap<String, String>> values = new TreeMap<>();
    for (Relation r : ep.relations()) {
      for (RelatedUnit u : r.joinedUnits()) {
        String value = u.receivedRaw().get(field);
        if (value != null) {
          values.computeIfAbsent(r.relationId(), k -> new TreeMap<>()).put(u.unitName(), value);
        }
      }
    }
    return values.isEmpty() ? null : values;
  }

  /** After the sources: each endpoint's own flag management, in name order. */
  static void manageFlags(HookContext context) {
    for (Endpoint ep : context.service(Endpoints.class).all()) {
      ep.manageFlags();
    }
  }

  @Override
  public Flux<FlagFact> facts(HookContext context) {
    return Flux.defer(() -> {
      Endpoints endpoints = context.service(Endpoints.class);
      return Flux.fromIterable(endpoints.all()).concatMap(ep -> forEndpoint(ep, endpoints));
    });
  }

  private Flux<FlagFact> forEndpoint(Endpoint ep, Endpoints endpoints) {
    return Flux.defer(() -> Flux.fromIterable(automatic(ep, endpoints)))
        .concatWith(Flux.defer(ep::patternFacts));
  }

  private static List<FlagFact> automatic(Endpoint ep, Endpoints endpoints) {
    HookRelations hook = ep.hookRelations();
    String name = ep.endpointName();
    List<FlagFact> facts = new ArrayList<>();
    String prefix = "endpoint." + name + ".";
    boolean joined = ep.isJoined();
    facts.add(FlagFact.toggled(prefix + "joined", joined));
    if (hook.isRelationHook(name, "departed")) {
      facts.add(FlagFact.set(prefix + "departed"));
    } else if (joined) {
      facts.add(FlagFact.cleared(prefix + "departed"));
    }
    for (String flag : endpoints.changedFlags(name)) {
      facts.add(FlagFact.set(flag));
    }
    return facts;
  }

  private static boolean validFlag(Flags flags, String flag) {
    try {
      flags.isSet(flag);
      return true;
    } catch (InvalidFlagException e) {
      return false;
    }
  }

  private static List<String> scan(Endpoint ep, KeyValueStore records, String key) {
    SortedMap<String, SortedMap<String, Map<String, String>>> current = new TreeMap<>();
    for (Relation r : ep.relations()) {
      SortedMap<String, Map<String, String>> units = new TreeMap<>();
      for (RelatedUnit u : r.joinedUnits()) {
        units.put(u.unitName(), u.receivedRaw().asMap());
      }
      current.put(r.relationId(), units);
    }
    JsonNode previous = records.get(key).orElse(null);
    ReceivedDigests.Result result = ReceivedDigests.compare(previous, current);
    if (result.next().isEmpty()) {
      if (previous != null) {
        records.unset(key);
      }
    } else if (!result.next().equals(previous)) {
      records.set(key, result.next());
    }
    return List.copyOf(result.changedFields());
  }

  /**
   * Remembers the departing unit and its data (still readable in this hook). A relation missing
   * from relation-ids is no error; a unit whose data cannot be read is kept with no data.
   */
  private static void recordDeparture(Endpoint ep, HookRelations hook) {
    Optional<RelationRef> rel = hook.hookRelation();
    Optional<String> unit = hook.environment().remoteUnit();
    if (rel.isEmpty() || unit.isEmpty()) {
      return;
    }
    RelationRef ref = new RelationRef(ep.endpointName(), rel.get().id());
    Map<String, String> data;
    try {
      data = hook.tools().relationGet(ref, unit.get());
    } catch (HookToolException e) {
      hook.context().log().warning("endpoint " + ep.endpointName() + ": the data of departed unit "
          + unit.get() + " on " + ref + " cannot be read (" + e.getMessage() + "); it is recorded "
          + "without data");
      data = Map.of();
    }
    ep.allDepartedUnits().record(new DepartedUnit(ref.toString(), unit.get(), new TreeMap<>(data)));
  }
}
