package charms.reactive.testing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code key=value} arguments as Juju's {@code keyvalues.Parse(args, true)} reads them: split at
 * the first {@code =}, empty values allowed (they delete), keys and values kept verbatim.
 */
public final class KeyValues {
  private KeyValues() {
  }

  /** @throws ToolError (exit 2) for an argument without {@code =} or a key given twice */
  public static Map<String, String> parse(List<String> args) throws ToolError {
    Map<String, String> result = new LinkedHashMap<>();
    for (String kv : args) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw ToolError.usage("expected \"key=value\", got " + GoText.quote(kv));
      }
      String key = kv.substring(0, eq);
      if (result.containsKey(key)) {
        throw ToolError.usage("key " + GoText.quote(key) + " specified more than once");
      }
      result.put(key, kv.substring(eq + 1));
    }
    return result;
  }
}
