package charms.reactive.internal.dispatch;

import charms.reactive.KeyValueStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A key/value store as a handler sees it: calls from another thread than the hook's are handed
 * to the hook's thread (see {@link HookThread#call}).
 */
final class PinnedStore implements KeyValueStore {
  private final KeyValueStore store;
  private final HookThread thread;

  PinnedStore(KeyValueStore store, HookThread thread) {
    this.store = store;
    this.thread = thread;
  }

  @Override
  public Optional<JsonNode> get(String key) {
    return thread.isOwner() ? store.get(key) : thread.call(() -> store.get(key));
  }

  @Override
  public <T> Optional<T> get(String key, Class<T> type) {
    return thread.isOwner() ? store.get(key, type) : thread.call(() -> store.get(key, type));
  }

  @Override
  public void set(String key, Object value) {
    if (thread.isOwner()) {
      store.set(key, value);
    } else {
      thread.call(() -> {
        store.set(key, value);
        return null;
      });
    }
  }

  @Override
  public void unset(String key) {
    if (thread.isOwner()) {
      store.unset(key);
    } else {
      thread.call(() -> {
        store.unset(key);
        return null;
      });
    }
  }

  @Override
  public SortedMap<String, JsonNode> getByPrefix(String prefix) {
    return thread.isOwner() ? store.getByPrefix(prefix) : thread.call(() -> store.getByPrefix(prefix));
  }
}
