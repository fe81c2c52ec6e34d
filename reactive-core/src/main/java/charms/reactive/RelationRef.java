package charms.reactive;

/**
 * A relation as Juju names it: the endpoint and the relation id, written {@code endpoint:id}.
 */
public record RelationRef(String endpoint, int id) {

  /**
   * Parses {@code endpoint:id} (or a bare id, with the endpoint given separately).
   *
   * @throws IllegalArgumentException naming the text if the id is not an integer
   */
  public static RelationRef parse(String text, String endpointIfBare) {
    int colon = text.lastIndexOf(':');
    String endpoint = colon >= 0 ? text.substring(0, colon) : endpointIfBare;
    String id = text.substring(colon + 1);
    try {
      return new RelationRef(endpoint, Integer.parseInt(id));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid relation id '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return endpoint + ":" + id;
  }
}
