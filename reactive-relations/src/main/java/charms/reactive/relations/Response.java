package charms.reactive.relations;

import charms.reactive.relations.internal.RelationJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The response to a {@link Request}: a JSON object published as {@code response_<request id>} in
 * the responding unit's data. Holds its request strongly (the original's weak proxy made
 * it vanish). Not thread-safe; bound to one hook.
 */
public final class Response {
  private final Request request;
  private final RelatedUnit from;

  Response(Request request, RelatedUnit from) {
    this.request = request;
    this.from = from;
  }

  public Request request() {
    return request;
  }

  public String requestId() {
    return request.id();
  }

  /** True if a remote unit sent it (to our request). */
  public boolean isReceived() {
    return from != null;
  }

  /** The remote unit that responded, for a received response. */
  public Optional<RelatedUnit> unit() {
    return Optional.ofNullable(from);
  }

  private String key() {
    return Request.RESPONSE_PREFIX + request.id();
  }

  private JsonDataView source() {
    return from != null ? from.received() : request.relation().toPublish();
  }

  /** Every field (a copy). */
  public ObjectNode fields() {
    JsonNode node = source().get(key());
    return node instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  /** One field, or null if absent. */
  public JsonNode field(String name) {
    return fields().get(name);
  }

  /** A field as text; empty if absent or null. */
  public Optional<String> text(String name) {
    JsonNode v = field(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    return Optional.of(v.isTextual() ? v.textValue() : v.toString());
  }

  /**
   * Changes a field of a response this unit made.
   *
   * @throws IllegalStateException for a received response, or for {@code request_id}
   */
  public void update(String name, Object value) {
    if (isReceived()) {
      throw new IllegalStateException("the response to " + request.id() + " was received from "
          + from.unitName() + ": only its creator can change it");
    }
    if ("request_id".equals(name)) {
      throw new IllegalStateException("the request_id of a response cannot change");
    }
    ObjectNode fields = fields();
    fields.set(name, RelationJson.toNode(value));
    request.relation().toPublish().put(key(), fields);
  }

  @Override
  public String toString() {
    return "Response[" + request.id() + (from == null ? " ours" : " from " + from.unitName()) + "]";
  }
}
