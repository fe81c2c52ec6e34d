package charms.reactive.juju;

import charms.reactive.spi.RecordBinder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The leader settings in this hook, typed: {@link #as(Class)} binds them to a record. A per-hook
 * service of {@link Juju#integration()}, injected by type into handlers. Write them with
 * {@link LeaderSettings#set}; what this hook wrote is seen here at once.
 *
 * <pre>{@code
 * record Shared(String adminPassword, Optional<Integer> clusterSize) { }
 * Shared shared = context.service(LeaderData.class).as(Shared.class); // "admin-password", "cluster-size"
 * }</pre>
 *
 * <p><b>Cost.</b> The values are the ones the {@code leadership.*} flags were computed from at the
 * start of the hook ({@code leader-get} only in the hooks where they can have changed, otherwise
 * the committed snapshot): reading them here starts no process. Where the flags were not computed
 * (restricted hooks), {@code leader-get} runs once per hook.
 *
 * <p><b>Binding.</b> Leader settings are strings with no declaration: a component's key is its
 * {@code @JsonProperty} name, else the first of its name, kebab-case and snake_case forms that is
 * set (else its name); Jackson converts the string to the component's type ({@code "3"} to an
 * int, {@code "true"} to a boolean). A missing key binds to null or {@link Optional#empty()} and is
 * an error for a primitive; a value that does not convert is an error naming the key and the
 * component, without quoting the value.
 *
 * <p>Not thread-safe; bound to one hook.
 */
public final class LeaderData {
  private final HookTools tools;
  private Map<String, String> values;

  LeaderData(HookTools tools) {
    this.tools = tools;
  }

  /** Called by {@link LeadershipFlags} and {@link LeaderSettings#set} to keep in step. */
  void snapshot(Map<String, String> current) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(current));
  }

  /** Every leader setting, by key. */
  public Map<String, String> values() {
    if (values == null) {
      values = tools.leaderGet();
    }
    return values;
  }

  /** One setting, empty if it is not set. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values().get(key));
  }

  /**
   * The settings bound to a new instance of {@code type}, a record.
   *
   * @throws charms.reactive.ReactiveException naming the key and the component if a value cannot
   *     be converted or a primitive component has no value
   * @throws IllegalArgumentException if {@code type} is not a record class
   */
  public <T extends Record> T as(Class<T> type) {
    Map<String, String> current = values();
    return RecordBinder.bind(type,
        RecordBinder.Keys.undeclared("leader setting", current::containsKey), key -> {
          String v = current.get(key);
          return v == null ? null : (JsonNode) TextNode.valueOf(v);
        });
  }
}
