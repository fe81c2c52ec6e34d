package charms.reactive.relations;

import charms.reactive.juju.ToolResult;
import charms.reactive.juju.ToolRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small in-test stand-in for the relation hook tools (in the style of the core's ScriptedTools):
 * one unit's view of its relations, answering relation-ids, relation-list, relation-get,
 * relation-set (with --file -), is-leader and the logging/config tools, and recording every call
 * with its standard input. relation-set applies at once; tests assert on the calls.
 */
final class FakeJuju implements ToolRunner {
  static final ObjectMapper JSON = new ObjectMapper();

  record Call(String tool, List<String> args, String stdin) {
    @Override
    public String toString() {
      return tool + " " + String.join(" ", args) + (stdin == null ? "" : " <<< " + stdin);
    }
  }

  static final class Rel {
    final String endpoint;
    final int id;
    String remoteApp;
    final Map<String, Map<String, String>> units = new TreeMap<>();
    final Map<String, Map<String, String>> departedData = new TreeMap<>();
    final Map<String, String> remoteAppData = new TreeMap<>();
    final Map<String, String> localUnitData = new TreeMap<>();
    final Map<String, String> localAppData = new TreeMap<>();
    boolean peer;

    Rel(String endpoint, int id, String remoteApp) {
      this.endpoint = endpoint;
      this.id = id;
      this.remoteApp = remoteApp;
    }

    String ref() {
      return endpoint + ":" + id;
    }

    Rel unit(String name, Map<String, String> data) {
      units.put(name, new TreeMap<>(data));
      return this;
    }

    Rel depart(String name) {
      Map<String, String> data = units.remove(name);
      if (data != null) {
        departedData.put(name, data);
      }
      return this;
    }
  }

  final String unitName;
  final String appName;
  boolean leader;
  final Map<String, Rel> relations = new TreeMap<>();
  final List<Call> calls = new ArrayList<>();
  final List<String> logs = new ArrayList<>();

  FakeJuju(String unitName) {
    this.unitName = unitName;
    this.appName = unitName.substring(0, unitName.indexOf('/'));
  }

  Rel relation(String endpoint, int id, String remoteApp) {
    return relations.computeIfAbsent(endpoint + ":" + id, k -> new Rel(endpoint, id, remoteApp));
  }

  Rel rel(String ref) {
    return relations.get(ref);
  }

  List<Call> calls(String tool) {
    return calls.stream().filter(c -> c.tool().equals(tool)).toList();
  }

  @Override
  public ToolResult run(String tool, List<String> args, byte[] stdin) {
    calls.add(new Call(tool, List.copyOf(args), stdin == null ? null : new String(stdin, StandardCharsets.UTF_8)));
    try {
      return switch (tool) {
        case "relation-ids" -> ok(json(relations.values().stream()
            .filter(r -> r.endpoint.equals(last(args))).map(Rel::ref).toList()));
        case "relation-list" -> relationList(args);
        case "relation-get" -> relationGet(args);
        case "relation-set" -> relationSet(args, stdin);
        case "is-leader" -> ok(json(leader));
        case "juju-log" -> {
          logs.add(args.get(1) + ": " + args.get(3));
          yield ok("");
        }
        case "config-get", "leader-get" -> ok("{}");
        case "status-set" -> ok("");
        default -> new ToolResult(1, "", "ERROR unexpected tool " + tool + "\n");
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ToolResult relationList(List<String> args) throws IOException {
    Rel r = relations.get(option(args, "-r"));
    if (r == null) {
      return notFound(args);
    }
    if (args.contains("--app")) {
      return ok(json(r.remoteApp));
    }
    return ok(json(new ArrayList<>(r.units.keySet())));
  }

  private ToolResult relationGet(List<String> args) throws IOException {
    Rel r = relations.get(option(args, "-r"));
    if (r == null) {
      return notFound(args);
    }
    String owner = last(args);
    Map<String, String> data;
    if (args.contains("--app")) {
      if (owner.equals(appName)) {
        if (!r.peer && !leader) {
          return new ToolResult(1, "", "ERROR permission denied\n");
        }
        data = r.localAppData;
      } else {
        data = r.remoteAppData;
      }
    } else if (owner.equals(unitName)) {
      data = r.localUnitData;
    } else if (r.units.containsKey(owner)) {
      data = r.units.get(owner);
    } else if (r.departedData.containsKey(owner)) {
      data = r.departedData.get(owner);
    } else {
      return new ToolResult(1, "", "ERROR cannot read settings for unit \"" + owner + "\"\n");
    }
    return ok(json(data));
  }

  private ToolResult relationSet(List<String> args, byte[] stdin) throws IOException {
    Rel r = relations.get(option(args, "-r"));
    if (r == null) {
      return notFound(args);
    }
    boolean app = args.contains("--app");
    if (app && !leader) {
      return new ToolResult(1, "", "ERROR cannot write relation settings\n");
    }
    Map<String, String> target = app ? r.localAppData : r.localUnitData;
    JsonNode values = JSON.readTree(stdin);
    values.properties().forEach(e -> {
      if (e.getValue().asText().isEmpty()) {
        target.remove(e.getKey());
      } else {
        target.put(e.getKey(), e.getValue().asText());
      }
    });
    return ok("");
  }

  private static ToolResult notFound(List<String> args) {
    return new ToolResult(2, "", "ERROR invalid value \"" + option(args, "-r")
        + "\" for option -r: relation not found\n");
  }

  private static String option(List<String> args, String name) {
    int i = args.indexOf(name);
    return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
  }

  private static String last(List<String> args) {
    return args.get(args.size() - 1);
  }

  private static String json(Object value) throws IOException {
    return JSON.writeValueAsString(value);
  }

  private static ToolResult ok(String out) {
    return new ToolResult(0, out.isEmpty() ? "" : out + "\n", "");
  }
}
