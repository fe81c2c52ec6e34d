package charms.reactive.juju;

import charms.reactive.HookEnvironment;
import charms.reactive.HookLog;
import charms.reactive.HookServices;
import charms.reactive.LogLevel;
import charms.reactive.internal.juju.JujuLog;
import charms.reactive.spi.Quoting;
import charms.reactive.ReactiveException;
import charms.reactive.RelationRef;
import charms.reactive.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A typed client for Juju's hook tools, made once per hook.
 *
 * <p>Every call passes an argument array to the {@link ToolRunner} (never a shell), asks for
 * {@code --format=json} where the tool has output, and parses it. A non-zero exit throws a
 * {@link HookToolException} ({@link RelationNotFoundException}, {@link NotLeaderException}) carrying
 * the tool, arguments, exit code and standard error.
 *
 * <p>Caching follows what Juju guarantees within one hook: config is read once; remote relation
 * data, relation ids and members are a per-hook snapshot; once {@code is-leader} says false it
 * stays false (and true is guaranteed for 30 s); leader settings are read once and then follow
 * this hook's own {@code leader-set}; charm state is read once and follows this hook's own
 * {@code state-set}/{@code state-delete}. The unit's own relation data is never cached, because
 * Juju shows this hook's pending writes there. Every process start is recorded in
 * {@link #calls()}. Not thread-safe.
 */
public final class HookTools {
  /** The longest single argument charm tools pass (ops and charm-helpers cap at this). */
  public static final int MAX_ARGUMENT = 131071;

  private final ToolRunner runner;
  private final HookEnvironment environment;
  private final List<ToolCall> calls = new ArrayList<>();
  private Map<String, JsonNode> config;
  private Boolean leader;
  private Map<String, String> leaderSettings;
  private Map<String, String> charmState;
  private final Map<String, List<RelationRef>> relationIds = new HashMap<>();
  private final Map<RelationRef, List<String>> relationUnits = new HashMap<>();
  private final Map<String, Map<String, String>> remoteData = new HashMap<>();

  public HookTools(ToolRunner runner, HookEnvironment environment) {
    this.runner = runner;
    this.environment = environment;
  }

  /**
   * The client for a hook: over the {@link ToolRunner} service if there is one (the test harness
   * supplies its fake this way), otherwise over real processes with the hook's environment.
   */
  public static HookTools forHook(HookServices services) {
    ToolRunner runner = services.has(ToolRunner.class) ? services.get(ToolRunner.class)
        : ToolRunner.processes(services.environment().variables());
    return new HookTools(runner, services.environment());
  }

  public HookEnvironment environment() {
    return environment;
  }

  /** Every tool process started through this client, in order. */
  public List<ToolCall> calls() {
    return Collections.unmodifiableList(calls);
  }

  // --- plumbing ---------------------------------------------------------------------------

  /** Runs a tool and returns its standard output; throws on a non-zero exit. */
  public String run(String tool, List<String> args, byte[] stdin) {
    for (String arg : args) {
      if (arg.length() > MAX_ARGUMENT) {
        throw new IllegalArgumentException("argument to " + tool + " is " + arg.length()
            + " characters; the limit is " + MAX_ARGUMENT);
      }
    }
    calls.add(new ToolCall(tool, args));
    ToolResult result = runner.run(tool, args, stdin);
    if (!result.succeeded()) {
      throw HookToolException.of(tool, args, result);
    }
    return result.stdout();
  }

  private JsonNode json(String tool, List<String> args) {
    List<String> all = new ArrayList<>();
    all.add("--format=json");
    all.addAll(args);
    String out = run(tool, all, null);
    if (out.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return Json.read(out);
    } catch (java.io.IOException e) {
      StreamConstraintsException limit = limitHit(e);
      if (limit != null) {
        throw new ReactiveException(tool + " " + String.join(" ", all) + " printed "
            + out.length() + " characters of JSON beyond a limit of the JSON reader: "
            + Quoting.sanitise(limit.getOriginalMessage(), 300), e);
      }
      throw new ReactiveException(tool + " " + String.join(" ", all)
          + " printed output that is not JSON: " + abbreviate(out), e);
    }
  }

  /** The reader limit (string length, nesting depth, number length...) behind {@code e}, if any. */
  private static StreamConstraintsException limitHit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException limit) {
        return limit;
      }
    }
    return null;
  }

  /** Tool output quoted in a message: at most 200 characters, control characters escaped. */
  private static String abbreviate(String text) {
    return Quoting.sanitise(text, 200);
  }

  private static Map<String, String> stringMap(JsonNode node, String what) {
    Map<String, String> map = new TreeMap<>();
    if (node == null || node.isNull()) {
      return map;
    }
    if (!node.isObject()) {
      throw new ReactiveException(what + " is not a map: " + abbreviate(node.toString()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
    }
    return map;
  }

  private static List<String> stringList(JsonNode node, String what) {
    List<String> list = new ArrayList<>();
    if (node == null || node.isNull()) {
      return list;
    }
    if (!node.isArray()) {
      throw new ReactiveException(what + " is not a list: " + abbreviate(node.toString()));
    }
    node.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static byte[] jsonBytes(Map<String, String> values) {
    try {
      return Json.mapper().writeValueAsBytes(values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + values.keySet(), e);
    }
  }

  private static List<String> keyValues(Map<String, String> values) {
    List<String> args = new ArrayList<>();
    values.forEach((k, v) -> {
      if (k.isEmpty() || k.indexOf('=') >= 0) {
        throw new IllegalArgumentException("invalid key '" + k + "': keys are non-empty and hold no '='");
      }
      args.add(k + "=" + (v == null ? "" : v));
    });
    return args;
  }

  // --- logging ----------------------------------------------------------------------------

  /**
   * A {@link HookLog} that sends records to {@code juju-log} through this client, batched: each
   * run of consecutive records of one level becomes one call on {@link HookLog#flush()}, order and
   * content kept; if the tool fails, the records go to standard error. {@link Juju#integration()}
   * installs one per hook as the hook's log.
   */
  public HookLog jujuLogSink() {
    return new JujuLog(this);
  }

  /** {@code juju-log --log-level LEVEL -- message}, split into chunks Juju accepts. */
  public void jujuLog(LogLevel level, String message) {
    for (int start = 0; start < Math.max(1, message.length()); start += MAX_ARGUMENT) {
      String chunk = message.substring(start, Math.min(message.length(), start + MAX_ARGUMENT));
      run("juju-log", List.of("--log-level", level.name(), "--", chunk), null);
    }
  }

  // --- config -----------------------------------------------------------------------------

  /** Every option, set or not ({@code config-get --all}), read once per hook. */
  public Map<String, JsonNode> config() {
    if (config == null) {
      JsonNode node = json("config-get", List.of("--all"));
      Map<String, JsonNode> values = new TreeMap<>();
      if (node.isObject()) {
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
      }
      config = Collections.unmodifiableMap(values);
    }
    return config;
  }

  // --- relations --------------------------------------------------------------------------

  /** {@code relation-ids <endpoint>}: the endpoint's relations, sorted by Juju. */
  public List<RelationRef> relationIds(String endpoint) {
    return relationIds.computeIfAbsent(endpoint, ep -> {
      List<RelationRef> refs = new ArrayList<>();
      for (String id : stringList(json("relation-ids", List.of(ep)), "relation-ids " + ep)) {
        refs.add(RelationRef.parse(id, ep));
      }
      return List.copyOf(refs);
    });
  }

  /** {@code relation-list -r <rel>}: the remote units in the relation. */
  public List<String> relationUnits(RelationRef relation) {
    return relationUnits.computeIfAbsent(relation, rel -> List.copyOf(stringList(
        json("relation-list", List.of("-r", rel.toString())), "relation-list -r " + rel)));
  }

  /** {@code relation-list --app -r <rel>}: the remote application, if Juju knows it. */
  public String relationApp(RelationRef relation) {
    JsonNode node = json("relation-list", List.of("--app", "-r", relation.toString()));
    return node.isNull() ? null : node.asText();
  }

  /** A unit's data bag in a relation. Remote units are read once per hook. */
  public Map<String, String> relationGet(RelationRef relation, String unit) {
    return relationData(relation, unit, false);
  }

  /** An application's data bag in a relation. The remote app is read once per hook. */
  public Map<String, String> relationGetApp(RelationRef relation, String app) {
    return relationData(relation, app, true);
  }

  private Map<String, String> relationData(RelationRef relation, String owner, boolean app) {
    List<String> args = new ArrayList<>(List.of("-r", relation.toString()));
    if (app) {
      args.add("--app");
    }
    args.add("-");
    args.add(owner);
    boolean own = owner.equals(app ? environment.appName().orElse(null)
        : environment.unitName().orElse(null));
    if (own) {
      return Collections.unmodifiableMap(stringMap(json("relation-get", args), "relation-get"));
    }
    String key = relation + "|" + app + "|" + owner;
    return remoteData.computeIfAbsent(key, k -> Collections.unmodifiableMap(
        stringMap(json("relation-get", args), "relation-get " + String.join(" ", args))));
  }

  /**
   * Writes this unit's (or, with {@code app}, this application's) data bag in a relation with
   * {@code relation-set --file -}, so values keep their whitespace. An empty or null value
   * deletes its key. Juju applies it only if the hook succeeds.
   */
  public void relationSet(RelationRef relation, Map<String, String> values, boolean app) {
    if (values.isEmpty()) {
      return;
    }
    Map<String, String> payload = new LinkedHashMap<>();
    values.forEach((k, v) -> payload.put(k, v == null ? "" : v));
    List<String> args = new ArrayList<>(List.of("-r", relation.toString()));
    if (app) {
      args.add("--app");
    }
    args.add("--file");
    args.add("-");
    run("relation-set", args, jsonBytes(payload));
  }

  // --- leadership -------------------------------------------------------------------------

  /** {@code is-leader}; a false answer stays false for the rest of the hook. */
  public boolean isLeader() {
    if (leader == null) {
      JsonNode answer = json("is-leader", List.of());
      if (!answer.isBoolean()) {
        throw new ReactiveException("is-leader --format=json printed "
            + (answer.isNull() ? "nothing" : abbreviate(answer.toString()))
            + "; expected true or false");
      }
      leader = answer.booleanValue();
    }
    return leader;
  }

  /** {@code leader-get}: every leader setting, read once and then kept in step with leaderSet. */
  public Map<String, String> leaderGet() {
    if (leaderSettings == null) {
      leaderSettings = stringMap(json("leader-get", List.of("-")), "leader-get");
    }
    return Collections.unmodifiableMap(leaderSettings);
  }

  /** {@code leader-set k=v ...}; an empty or null value deletes the key. Immediate in Juju. */
  public void leaderSet(Map<String, String> values) {
    if (values.isEmpty()) {
      return;
    }
    run("leader-set", keyValues(values), null);
    if (leaderSettings != null) {
      values.forEach((k, v) -> {
        if (v == null || v.isEmpty()) {
          leaderSettings.remove(k);
        } else {
          leaderSettings.put(k, v);
        }
      });
    }
  }

  // --- status -----------------------------------------------------------------------------

  /** {@code status-set}; immediate in Juju. */
  public void statusSet(WorkloadStatus status, String message, boolean application) {
    List<String> args = new ArrayList<>(List.of("--application=" + (application ? "True" : "False"),
        status.word()));
    if (message != null && !message.isEmpty()) {
      args.add("--");
      args.add(message);
    }
    run("status-set", args, null);
  }

  /** {@code status-get --include-data}: the unit's (or, for the leader, the app's) status. */
  public StatusInfo statusGet(boolean application) {
    List<String> args = new ArrayList<>(List.of("--include-data"));
    if (application) {
      args.add("--application");
    }
    JsonNode node = json("status-get", args);
    if (application) {
      node = node.path("application-status");
    }
    return new StatusInfo(node.path("status").asText(""), node.path("message").asText(""));
  }

  /** {@code application-version-set}; immediate in Juju. */
  public void applicationVersionSet(String version) {
    run("application-version-set", List.of("--", version), null);
  }

  // --- ports and network ------------------------------------------------------------------

  /** {@code open-port 80/tcp}, {@code 8000-8100/udp} or {@code icmp}; applied if the hook succeeds. */
  public void openPort(String spec) {
    run("open-port", List.of(spec), null);
  }

  public void closePort(String spec) {
    run("close-port", List.of(spec), null);
  }

  /** {@code opened-ports}, without this hook's pending changes. */
  public List<String> openedPorts() {
    return stringList(json("opened-ports", List.of()), "opened-ports");
  }

  /** {@code unit-get private-address} or {@code public-address}. */
  public String unitGet(String setting) {
    return json("unit-get", List.of(setting)).asText();
  }

  /** {@code network-get <binding>}, optionally for a relation. */
  public JsonNode networkGet(String binding, RelationRef relation) {
    List<String> args = new ArrayList<>();
    if (relation != null) {
      args.add("-r");
      args.add(relation.toString());
    }
    args.add(binding);
    return json("network-get", args);
  }

  // --- actions ----------------------------------------------------------------------------

  /** {@code action-get}: the action's parameters, with their JSON types. */
  public JsonNode actionGet() {
    JsonNode node = json("action-get", List.of());
    return node.isNull() ? Json.NODES.objectNode() : node;
  }

  /**
   * {@code action-get}, converted to {@code type} (a record, say) by Jackson: parameter names
   * are the JSON keys (use {@code @JsonProperty} for names with dashes), numbers and booleans
   * keep their JSON types, parameters the type does not declare are ignored.
   *
   * @throws ReactiveException naming the action and the parameter that does not fit
   */
  public <T> T actionGet(Class<T> type) {
    JsonNode params = actionGet();
    try {
      return Json.mapper().readerFor(type)
          .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(params);
    } catch (java.io.IOException | IllegalArgumentException e) {
      String action = environment.actionName().orElse("?");
      String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException m
          && !m.getPath().isEmpty()
          ? " parameter " + m.getPath().get(m.getPath().size() - 1).getFieldName() : "";
      throw new ReactiveException("action " + action + ":" + where + " does not fit "
          + type.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  /** {@code action-set k=v ...}; dotted keys nest. */
  public void actionSet(Map<String, String> results) {
    if (!results.isEmpty()) {
      run("action-set", keyValues(results), null);
    }
  }

  /** {@code action-fail}: marks the action failed; the hook goes on. */
  public void actionFail(String message) {
    run("action-fail", message == null || message.isEmpty() ? List.of() : List.of("--", message), null);
  }

  /** {@code action-log}: a progress message, immediate. */
  public void actionLog(String message) {
    run("action-log", List.of("--", message), null);
  }

  // --- charm state (Juju 2.8+) -------------------------------------------------------------

  /** {@code state-get}: the charm state Juju keeps for this unit, read once per hook. */
  public Map<String, String> stateGet() {
    if (charmState == null) {
      charmState = stringMap(json("state-get", List.of()), "state-get");
    }
    return Collections.unmodifiableMap(charmState);
  }

  /** {@code state-set --file -}; applied if the hook succeeds. */
  public void stateSet(Map<String, String> values) {
    if (values.isEmpty()) {
      return;
    }
    run("state-set", List.of("--file", "-"), jsonBytes(values));
    if (charmState != null) {
      charmState.putAll(values);
    }
  }

  /** {@code state-delete <key>}; applied if the hook succeeds. */
  public void stateDelete(String key) {
    run("state-delete", List.of(key), null);
    if (charmState != null) {
      charmState.remove(key);
    }
  }

  /** {@code goal-state}. */
  public JsonNode goalState() {
    JsonNode node = json("goal-state", List.of());
    return node.isNull() ? Json.NODES.objectNode() : node;
  }

}
