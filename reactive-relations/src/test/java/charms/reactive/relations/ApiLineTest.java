package charms.reactive.relations;

import charms.reactive.arch.ApiLine;
import org.junit.jupiter.api.Test;

/**
 * reactive-relations' public line: what charm authors and interface authors write. Everything else is in {@code charms.reactive.relations.internal}. Keep this list and the README's
 * "Public API" section in step.
 */
class ApiLineTest {
  static final ApiLine LINE = ApiLine.module("reactive-relations")
      .internal("charms.reactive.relations.internal..")
      .api("charms.reactive.relations",
          // adding relations to a charm; declaring an interface
          "Relations", "InterfaceProvider", "Implementation", "Role", "EndpointName",
          // the endpoint API
          "Endpoint", "RelationBinding", "Endpoints", "Relation", "RelatedUnit", "RelatedUnits",
          "DepartedUnit", "DepartedUnits", "RawDataView", "JsonDataView",
          // request/response
          "RequesterEndpoint", "ResponderEndpoint", "Request", "Response",
          // the older conversation API
          "RelationBase", "Conversation", "Scope",
          // errors
          "RelationException", "LeaderOnlyException")
      .build();

  @Test
  void theApiLineHolds() {
    LINE.check(ApiLine.classesBeside(Relations.class),
        ApiLine.classesBeside(Relations.class, ApiLineTest.class));
  }
}
