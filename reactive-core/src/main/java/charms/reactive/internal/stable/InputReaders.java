package charms.reactive.internal.stable;

import charms.reactive.HookContext;
import charms.reactive.InputReader;
import charms.reactive.ReactiveException;
import charms.reactive.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The input readers of one charm, by kind: the core's {@code flag} and {@code data}, and those
 * modules registered ({@code config}, {@code leader}, {@code relation}, {@code file}). Offered to
 * every hook as a service of this type. Immutable.
 */
public final class InputReaders {
  private final Map<String, InputReader> readers;

  public InputReaders(Map<String, InputReader> registered) {
    Map<String, InputReader> all = new TreeMap<>();
    all.put("flag", (ctx, key) -> ctx.flags().isSet(key)
        ? Map.of("set", ctx.flags().value(key).orElse(null)) : null);
    all.put("data", (ctx, key) -> ctx.data().get(key).orElse(null));
    all.putAll(registered);
    this.readers = Map.copyOf(all);
  }

  /**
   * The current value of {@code spec}, as JSON (JSON null for absent).
   *
   * @throws ReactiveException naming the handler and the spec if its kind has no reader or the reader fails
   */
  public JsonNode read(HookContext context, InputSpec spec, String handlerId) {
    InputReader reader = readers.get(spec.kind());
    if (reader == null) {
      throw new ReactiveException("handler " + handlerId + ": no reader for stable input kind '" + spec.kind() + "' in '"
          + spec + "' (known kinds: " + String.join(", ", new TreeMap<>(readers).keySet())
          + "; config and leader come with the Juju integration, relation with reactive-relations,"
          + " file with reactive-fs)");
    }
    try {
      return Json.toNode(reader.read(context, spec.key()), "stable input " + spec);
    } catch (ReactiveException e) {
      throw e;
    } catch (Exception e) {
      throw new ReactiveException("handler " + handlerId + ": cannot read stable input " + spec + ": " + e.getMessage(), e);
    }
  }
}
