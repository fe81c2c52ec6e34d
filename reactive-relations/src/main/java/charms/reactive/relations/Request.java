package charms.reactive.relations;

import charms.reactive.spi.PythonJson;
import charms.reactive.relations.internal.RelationJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request of the request/response pattern: a JSON object of fields, always with
 * {@code request_id}, published as {@code request_<id>} in the requesting unit's data. A request
 * is either <em>created</em> (this unit made it: it lives in {@link Relation#toPublish()}) or
 * <em>received</em> (a remote unit made it: it lives in that unit's received data).
 *
 * <p>Requests are per endpoint instance (the original cached them per request class, shared
 * by every endpoint). Not thread-safe; bound to one hook.
 */
public final class Request {
  static final String PREFIX = "request_";
  static final String RESPONSE_PREFIX = "response_";

  private final Relation relation;
  private final RelatedUnit unit;
  private final String id;

  private Request(Relation relation, RelatedUnit unit, String id) {
    this.relation = relation;
    this.unit = unit;
    this.id = id;
  }

  static Request created(Relation relation, String id) {
    return new Request(relation, null, id);
  }

  static Request received(RelatedUnit unit, String id) {
    return new Request(unit.relation(), unit, id);
  }

  public String id() {
    return id;
  }

  String key() {
    return PREFIX + id;
  }

  /** The relation the request was made on. */
  public Relation relation() {
    return relation;
  }

  /** The remote unit that made a received request; empty for a created one. */
  public Optional<RelatedUnit> unit() {
    return Optional.ofNullable(unit);
  }

  /** True if this unit made the request. */
  public boolean isCreated() {
    return unit == null;
  }

  public boolean isReceived() {
    return unit != null;
  }

  private JsonDataView source() {
    return unit == null ? relation.toPublish() : unit.received();
  }

  /** Every field (a copy), {@code request_id} included. */
  public ObjectNode fields() {
    JsonNode node = source().get(key());
    return node instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  /** One field, or null if absent. */
  public JsonNode field(String name) {
    JsonNode v = fields().get(name);
    return v == null ? null : v;
  }

  /** A field as text (a string's content, other values as compact JSON); empty if absent or null. */
  public Optional<String> text(String name) {
    JsonNode v = field(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    return Optional.of(v.isTextual() ? v.textValue() : v.toString());
  }

  /** True if every given field equals the request's, compared as Python would encode them. */
  public boolean matches(Map<String, ?> match) {
    ObjectNode fields = fields();
    for (Map.Entry<String, ?> e : match.entrySet()) {
      JsonNode mine = fields.get(e.getKey());
      if (mine == null || !PythonJson.dumps(mine).equals(PythonJson.dumps(e.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Changes a field of a created request (re-published at the end of the hook).
   *
   * @throws IllegalStateException for a received request, or for {@code request_id}
   */
  public void update(String name, Object value) {
    if (isReceived()) {
      throw new IllegalStateException("request " + id + " was received from " + unit.unitName()
          + ": only its creator can change it");
    }
    if ("request_id".equals(name)) {
      throw new IllegalStateException("the request_id of request " + id + " cannot change");
    }
    ObjectNode fields = fields();
    fields.set(name, RelationJson.toNode(value));
    relation.toPublish().put(key(), fields);
  }

  /** The response: received from a remote unit for a created request, ours for a received one. */
  public Optional<Response> response() {
    String responseKey = RESPONSE_PREFIX + id;
    if (isCreated()) {
      for (RelatedUnit u : relation.joinedUnits()) {
        if (u.received().get(responseKey) instanceof ObjectNode) {
          return Optional.of(new Response(this, u));
        }
      }
      return Optional.empty();
    }
    return relation.toPublish().get(responseKey) instanceof ObjectNode
        ? Optional.of(new Response(this, null)) : Optional.empty();
  }

  /**
   * Responds to a received request: publishes {@code response_<id>} with these fields (and
   * {@code request_id}) in this unit's data on the request's relation, replacing any earlier
   * response.
   *
   * @throws IllegalStateException for a request this unit created
   */
  public Response respond(Map<String, ?> fields) {
    if (isCreated()) {
      throw new IllegalStateException("request " + id + " is this unit's own: it cannot respond to it");
    }
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    fields.forEach((k, v) -> response.set(Objects.requireNonNull(k, "field name"), RelationJson.toNode(v)));
    response.put("request_id", id);
    relation.toPublish().put(RESPONSE_PREFIX + id, response);
    return new Response(this, null);
  }

  /** {@code ingress-address} of the unit that made a received request (else this unit's). */
  public Optional<String> ingressAddress() {
    return sourceRaw("ingress-address");
  }

  /** {@code egress-subnets} of the unit that made a received request (else this unit's). */
  public Optional<String> egressSubnets() {
    return sourceRaw("egress-subnets");
  }

  private Optional<String> sourceRaw(String key) {
    return Optional.ofNullable(source().raw().get(key));
  }

  @Override
  public String toString() {
    return "Request[" + id + (isCreated() ? " created" : " from " + unit.unitName()) + " on "
        + relation.relationId() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Request r && r.id.equals(id) && r.relation.ref().equals(relation.ref())
        && Objects.equals(r.unit == null ? null : r.unit.unitName(), unit == null ? null : unit.unitName());
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, relation.ref());
  }
}
