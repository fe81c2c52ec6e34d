package charms.reactive.relations;

/**
 * The endpoint of a relation whose interface has no registered implementation: it has the
 * automatic flags and the data views, and no interface handlers.
 */
final class GenericEndpoint extends Endpoint {
}
