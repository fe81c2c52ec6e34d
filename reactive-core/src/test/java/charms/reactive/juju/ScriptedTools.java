package charms.reactive.juju;

import charms.reactive.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A small scripted stand-in for the hook tools, for the core's own tests: answers per tool from
 * mutable fields, keeps leader settings, charm state and statuses, and records every call with
 * its standard input. (The full fake Juju is reactive-testing's.)
 */
final class ScriptedTools implements ToolRunner {
  record Call(String tool, List<String> args, String stdin) {
  }

  final List<Call> calls = new ArrayList<>();
  final Map<String, Object> config = new TreeMap<>();
  final Map<String, String> leaderSettings = new TreeMap<>();
  final Map<String, String> charmState = new TreeMap<>();
  final List<String> statuses = new ArrayList<>();
  final List<String> logs = new ArrayList<>();
  boolean leader;
  final Map<String, Function<List<String>, ToolResult>> overrides = new HashMap<>();

  @Override
  public ToolResult run(String tool, List<String> args, byte[] stdin) {
    calls.add(new Call(tool, List.copyOf(args), stdin == null ? null : new String(stdin, StandardCharsets.UTF_8)));
    Function<List<String>, ToolResult> override = overrides.get(tool);
    if (override != null) {
      return override.apply(args);
    }
    try {
      switch (tool) {
        case "config-get":
          return ok(Json.mapper().writeValueAsString(config));
        case "is-leader":
          return ok(Boolean.toString(leader));
        case "leader-get":
          return ok(Json.mapper().writeValueAsString(leaderSettings));
        case "leader-set":
          if (!leader) {
            return new ToolResult(1, "", "ERROR cannot write leadership settings: cannot write settings: not the leader\n");
          }
          for (String kv : args) {
            int eq = kv.indexOf('=');
            String v = kv.substring(eq + 1);
            if (v.isEmpty()) {
              leaderSettings.remove(kv.substring(0, eq));
            } else {
              leaderSettings.put(kv.substring(0, eq), v);
            }
          }
          return ok("");
        case "state-get":
          return ok(charmState.isEmpty() ? "null" : Json.mapper().writeValueAsString(charmState));
        case "state-set":
          Json.mapper().readTree(stdin).properties().forEach(e -> charmState.put(e.getKey(), e.getValue().asText()));
          return ok("");
        case "state-delete":
          charmState.remove(args.get(0));
          return ok("");
        case "status-set":
          statuses.add(String.join(" ", args));
          return ok("");
        case "juju-log":
          logs.add(args.get(1) + ": " + args.get(3));
          return ok("");
        default:
          return new ToolResult(1, "", "ERROR unexpected tool " + tool + "\n");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ToolResult ok(String stdout) {
    return new ToolResult(0, stdout.isEmpty() ? "" : stdout + "\n", "");
  }

  long count(String tool) {
    return calls.stream().filter(c -> c.tool().equals(tool)).count();
  }
}
