package charms.reactive.internal;

import charms.reactive.KeyValueView;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.SortedMap;

/** Key/value data that can only be read: every call goes to the wrapped store. */
public final class ReadOnlyStore implements KeyValueView {
  private final KeyValueView store;

  private ReadOnlyStore(KeyValueView store) {
    this.store = store;
  }

  public static KeyValueView of(KeyValueView store) {
    return store instanceof ReadOnlyStore ? store : new ReadOnlyStore(store);
  }

  @Override
  public Optional<JsonNode> get(String key) {
    return store.get(key);
  }

  @Override
  public <T> Optional<T> get(String key, Class<T> type) {
    return store.get(key, type);
  }

  @Override
  public SortedMap<String, JsonNode> getByPrefix(String prefix) {
    return store.getByPrefix(prefix);
  }
}
