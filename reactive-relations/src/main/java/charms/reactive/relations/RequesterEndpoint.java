package charms.reactive.relations;

import charms.reactive.FlagFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The requesting side of the request/response pattern: makes requests on its relations
 * and finds their responses. The framework manages {@code endpoint.<name>.has_responses} (some
 * request has a response) and {@code endpoint.<name>.all_responses} (there is at least one
 * request and every request has a response: with no request the original set it) on every
 * hook.
 *
 * <p>Differences from the original: requests belong to this endpoint instance, not to a class shared by every
 * endpoint; {@link #find} honours its relation; {@link #requests()} is in a defined order
 * (relation id, then request id). Bound to one hook.
 */
public abstract class RequesterEndpoint extends Endpoint {
  private static final Comparator<Request> ORDER = Comparator
      .comparing((Request r) -> r.relation().ref(), charms.reactive.relations.internal.UnitOrder.RELATIONS)
      .thenComparing(Request::id);
  private List<Request> cache;

  protected RequesterEndpoint() {
  }

  private List<Request> cache() {
    if (cache == null) {
      List<Request> all = new ArrayList<>();
      for (Relation r : relations()) {
        JsonDataView published = r.toPublish();
        for (String key : published.keys()) {
          if (key.startsWith(Request.PREFIX) && key.length() > Request.PREFIX.length()
              && published.get(key) instanceof com.fasterxml.jackson.databind.node.ObjectNode) {
            all.add(Request.created(r, key.substring(Request.PREFIX.length())));
          }
        }
      }
      all.sort(ORDER);
      cache = all;
    }
    return cache;
  }

  /** This endpoint's requests, by relation id then request id. */
  public final List<Request> requests() {
    return List.copyOf(cache());
  }

  /** The responses received so far, in request order. */
  public final List<Response> responses() {
    List<Response> responses = new ArrayList<>();
    for (Request r : cache()) {
      r.response().ifPresent(responses::add);
    }
    return responses;
  }

  /**
   * Makes a request on one of this endpoint's relations, published at the end of the hook. Its id
   * is {@code fields.request_id} if given, else a random UUID.
   *
   * @throws IllegalArgumentException if the relation is not this endpoint's, or a request with
   *     that id exists on it
   */
  public final Request createRequest(Relation relation, Map<String, ?> fields) {
    requireOwn(relation);
    Map<String, Object> all = new LinkedHashMap<>(fields);
    Object given = all.get("request_id");
    String id = given == null ? UUID.randomUUID().toString() : String.valueOf(given);
    if (id.isEmpty()) {
      throw new IllegalArgumentException("a request_id must not be empty");
    }
    for (Request r : cache()) {
      if (r.id().equals(id) && r.relation().ref().equals(relation.ref())) {
        throw new IllegalArgumentException("request " + id + " already exists on " + relation.relationId());
      }
    }
    all.put("request_id", id);
    relation.toPublish().put(Request.PREFIX + id, all);
    Request request = Request.created(relation, id);
    cache().add(request);
    cache().sort(ORDER);
    return request;
  }

  private void requireOwn(Relation relation) {
    if (relations().stream().noneMatch(r -> r.ref().equals(relation.ref()))) {
      throw new IllegalArgumentException(relation.relationId() + " is not a relation of endpoint "
          + endpointName());
    }
  }

  /**
   * The first request (in {@link #requests()} order) on {@code relation} (any relation if null)
   * whose fields equal {@code match}.
   */
  public final Optional<Request> find(Relation relation, Map<String, ?> match) {
    return findAll(relation, match).stream().findFirst();
  }

  /** Every request on {@code relation} (any if null) whose fields equal {@code match}. */
  public final List<Request> findAll(Relation relation, Map<String, ?> match) {
    List<Request> found = new ArrayList<>();
    for (Request r : cache()) {
      if ((relation == null || r.relation().ref().equals(relation.ref())) && r.matches(match)) {
        found.add(r);
      }
    }
    return found;
  }

  /**
   * Updates the request on {@code relation} that matches {@code fields} on {@code matchFields},
   * or creates one.
   */
  public final Request createOrUpdate(Relation relation, List<String> matchFields,
      Map<String, ?> fields) {
    requireOwn(relation);
    Map<String, Object> match = new LinkedHashMap<>();
    for (String f : matchFields) {
      if (!fields.containsKey(f)) {
        throw new IllegalArgumentException("match field '" + f + "' is not among the fields " + fields.keySet());
      }
      match.put(f, fields.get(f));
    }
    Optional<Request> existing = find(relation, match);
    if (existing.isEmpty()) {
      return createRequest(relation, fields);
    }
    Request r = existing.get();
    fields.forEach((k, v) -> {
      if (!k.equals("request_id")) {
        r.update(k, v);
      }
    });
    return r;
  }

  /**
   * The response to the first request on {@code relation} (any if null) whose {@code field}
   * equals {@code value} (the original's generated {@code response_by_<field>}).
   */
  public final Optional<Response> responseBy(String field, Object value, Relation relation) {
    Map<String, Object> match = new LinkedHashMap<>();
    match.put(field, value);
    return find(relation, match).flatMap(Request::response);
  }

  @Override
  final Flux<FlagFact> patternFacts() {
    return Flux.defer(() -> {
      int requests = cache().size();
      int responses = responses().size();
      return Flux.just(FlagFact.toggled(expandName("has_responses"), responses > 0),
          FlagFact.toggled(expandName("all_responses"), requests > 0 && responses == requests));
    });
  }

}
