package charms.reactive.relations;

import charms.reactive.FlagFact;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The responding side of the request/response pattern: reads the requests remote units
 * published and responds to them. The framework manages {@code endpoint.<name>.has_requests} and
 * {@code endpoint.<name>.new_requests} (a request without our response) on every hook.
 *
 * <p>Received data is untrusted: a {@code request_*} value that is not a JSON object, has no
 * {@code request_id} matching its key, or an id longer than {@value #MAX_ID} characters is
 * ignored. Requests are per endpoint instance and in a defined order: relation id, unit, request
 * id (the original's order was random). Bound to one hook.
 */
public abstract class ResponderEndpoint extends Endpoint {
  static final int MAX_ID = 256;
  private static final Comparator<Request> ORDER = Comparator
      .comparing((Request r) -> r.relation().ref(), charms.reactive.relations.internal.UnitOrder.RELATIONS)
      .thenComparing(r -> r.unit().orElseThrow().unitName(), charms.reactive.relations.internal.UnitOrder.UNITS)
      .thenComparing(Request::id);
  private List<Request> cache;

  protected ResponderEndpoint() {
  }

  /** Every request of every joined unit, by relation id, unit, then request id. */
  public final List<Request> allRequests() {
    if (cache == null) {
      List<Request> all = new ArrayList<>();
      for (RelatedUnit unit : allJoinedUnits()) {
        JsonDataView received = unit.received();
        for (String key : received.keys()) {
          if (!key.startsWith(Request.PREFIX)) {
            continue;
          }
          String id = key.substring(Request.PREFIX.length());
          if (id.isEmpty() || id.length() > MAX_ID
              || !(received.get(key) instanceof ObjectNode o)
              || !id.equals(o.path("request_id").asText(null))) {
            continue;
          }
          all.add(Request.received(unit, id));
        }
      }
      all.sort(ORDER);
      cache = List.copyOf(all);
    }
    return cache;
  }

  /** The requests not responded to yet, in {@link #allRequests()} order. */
  public final List<Request> newRequests() {
    List<Request> fresh = new ArrayList<>();
    for (Request r : allRequests()) {
      if (r.response().isEmpty()) {
        fresh.add(r);
      }
    }
    return fresh;
  }

  @Override
  final Flux<FlagFact> patternFacts() {
    return Flux.defer(() -> Flux.just(
        FlagFact.toggled(expandName("has_requests"), !allRequests().isEmpty()),
        FlagFact.toggled(expandName("new_requests"), !newRequests().isEmpty())));
  }
}
