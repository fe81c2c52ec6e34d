package charms.reactive.relations;

import charms.reactive.spi.RecordBinder;
import charms.reactive.relations.internal.RelationJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A relation data bag with JSON values, as the original's {@code JSONUnitDataView}.
 *
 * <p>Reading: a missing key is {@code null}; an empty value is the empty string; a value that is
 * JSON is decoded; anything else (an address such as {@code 10.0.0.1}, a word such as {@code yes},
 * malformed or over-limit JSON) is returned as the raw string, never an error. So {@code "1"}
 * reads as the number 1, {@code "true"} as true, {@code "null"} as JSON null, {@code "\"x\""} as
 * the string x.
 *
 * <p>Writing: the value is stored as {@code json.dumps(value, sort_keys=True)} would write it, so
 * a Java charm replacing a Python one publishes the same bytes: strings with quotes, null as
 * {@code null} (the key stays; remove it with {@link #remove}). See {@link charms.reactive.spi.PythonJson} for how Java values map to
 * Python's. Writes are published at the end of a successful hook. Not thread-safe.
 */
public final class JsonDataView {
  private final RawDataView raw;
  private final Map<String, JsonNode> decoded = new HashMap<>();
  private int decodedVersion = -1;

  JsonDataView(RawDataView raw) {
    this.raw = raw;
  }

  /** The same bag with raw string values. */
  public RawDataView raw() {
    return raw;
  }

  /** The decoded value (see the class comment), or null if the key is missing. */
  public JsonNode get(String key) {
    Bag bag = raw.bag();
    if (decodedVersion != bag.version()) {
      decoded.clear();
      decodedVersion = bag.version();
    }
    String value = raw.get(key);
    if (value == null) {
      return null;
    }
    return decoded.computeIfAbsent(key, k -> RelationJson.read(value));
  }

  /** The decoded value, or {@code fallback} if the key is missing. */
  public JsonNode get(String key, JsonNode fallback) {
    JsonNode v = get(key);
    return v == null ? fallback : v;
  }

  /**
   * The value as text: a JSON string's content, any other JSON value in compact JSON
   * ({@code 5432}, {@code true}); empty if the key is missing, or its value is JSON null or empty.
   */
  public Optional<String> text(String key) {
    JsonNode v = get(key);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return Optional.empty();
    }
    String text = v.isTextual() ? v.textValue() : v.toString();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /**
   * The value converted to {@code type} with Jackson; empty if the key is missing or null.
   *
   * @throws IllegalArgumentException naming the key if the value does not fit the type
   */
  public <T> Optional<T> get(String key, Class<T> type) {
    JsonNode v = get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(RelationJson.convert(v, type));
    } catch (IllegalArgumentException e) {
      // The value itself stays out of the message: relation data may hold secrets.
      throw new IllegalArgumentException("relation data key '" + key + "' of "
          + raw.bag().description() + " is not a " + type.getSimpleName() + " (its JSON is a "
          + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
  }

  /**
   * The bag bound to a new instance of {@code type}, a record: each component reads the key named
   * by its {@code @JsonProperty}, else the first of its name, kebab-case and snake_case forms
   * present in the bag ({@code dbHost} reads {@code db-host} or {@code db_host}), converted by
   * Jackson from the decoded value. A missing key binds to null or {@code Optional.empty()}.
   *
   * @throws charms.reactive.ReactiveException naming the key and the component if a value does
   *     not convert or a primitive component has no value; never quoting the value (relation
   *     data may hold secrets)
   * @throws IllegalArgumentException if {@code type} is not a record class
   */
  public <T extends Record> T as(Class<T> type) {
    return RecordBinder.bind(type,
        RecordBinder.Keys.undeclared("relation data key", this::containsKey), this::get);
  }

  public boolean containsKey(String key) {
    return raw.containsKey(key);
  }

  /** The keys, sorted. */
  public Set<String> keys() {
    return raw.keys();
  }

  /** Every entry decoded, sorted by key, unmodifiable. */
  public Map<String, JsonNode> asMap() {
    Map<String, JsonNode> all = new LinkedHashMap<>();
    for (String k : keys()) {
      all.put(k, get(k));
    }
    return Collections.unmodifiableMap(all);
  }

  public boolean isEmpty() {
    return raw.isEmpty();
  }

  public int size() {
    return raw.size();
  }

  public boolean isModified() {
    return raw.isModified();
  }

  /**
   * Stores {@code json.dumps(value, sort_keys=True)} under {@code key}.
   *
   * @throws IllegalArgumentException if Python could not encode the value
   * @throws UnsupportedOperationException on remote data
   * @throws LeaderOnlyException on the application bag of a unit that is not the leader
   */
  public void put(String key, Object value) {
    raw.put(key, RelationJson.encode(value));
  }

  /** Removes {@code key} (published as a deletion). */
  public void remove(String key) {
    raw.remove(key);
  }

  @Override
  public String toString() {
    return raw.toString();
  }
}
