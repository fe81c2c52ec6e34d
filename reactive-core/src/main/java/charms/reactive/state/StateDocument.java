package charms.reactive.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole persisted state of a unit, as one immutable value: the flags with their values, the
 * charm's key/value data and the framework's own records.
 */
public record StateDocument(SortedMap<String, JsonNode> flags, SortedMap<String, JsonNode> data,
    SortedMap<String, JsonNode> framework) {

  /** The version of the document format this framework reads and writes. */
  public static final int VERSION = 1;

  public StateDocument {
    flags = Collections.unmodifiableSortedMap(new TreeMap<>(flags));
    data = Collections.unmodifiableSortedMap(new TreeMap<>(data));
    framework = Collections.unmodifiableSortedMap(new TreeMap<>(framework));
  }

  /** The state of a unit that has never committed. */
  public static StateDocument empty() {
    return new StateDocument(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
  }
}
