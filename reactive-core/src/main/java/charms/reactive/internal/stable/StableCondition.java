package charms.reactive.internal.stable;

import charms.reactive.Condition;
import charms.reactive.ConditionContext;
import charms.reactive.spi.FrameworkRecords;
import charms.reactive.spi.PythonJson;
import charms.reactive.Verdict;
import charms.reactive.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What makes a handler stable: holds when the digest of its inputs differs from the one recorded
 * after its last successful run (or there is none). The inputs are the flags the handler's other
 * conditions read, with their values ({@code flag:<name>}), the declared specs, and the value the
 * handler supplies ({@code value}). Testing only reads. After the handler succeeded, the digests
 * of its inputs <em>as they are then</em> are recorded under the handler's id, in the hook's
 * transaction (a failed hook records nothing), so a handler's own writes to its inputs (a flag it
 * sets, a file it renders) do not make it run again.
 *
 * <p>A hook that ends with the handler's flag conditions false removes the record
 * ({@code Dispatcher#forgetStableOutsideTheirCondition}): leaving and re-entering the condition
 * is a change.
 *
 * <p>The record keeps one short digest per input (never the values, which may be secrets), the
 * hook the handler last ran in and how many times it has run, for the trace's
 * "inputs unchanged since hook config-changed (run 3)" and "inputs changed: config:port".
 * Immutable and thread-safe.
 */
public final class StableCondition implements Condition {
  /** The owner of the records, keyed by handler id. */
  public static final String OWNER = "stable";
  private static final String ABSENT = "-";
  /** The reason when nothing is recorded. */
  public static final String FIRST = "no inputs recorded (first run, or its condition stopped "
      + "holding since its last run)";

  private final List<String> flags;
  private final List<InputSpec> inputs;
  private final Function<? super ConditionContext, ?> supplied;
  private final Set<String> watched;

  /**
   * @param flags the flags the handler's other conditions read
   * @param inputs the declared inputs
   * @param supplied the handler's own input, or null
   */
  public StableCondition(Set<String> flags, List<InputSpec> inputs,
      Function<? super ConditionContext, ?> supplied) {
    this.flags = List.copyOf(flags);
    this.inputs = List.copyOf(inputs);
    this.supplied = supplied;
    Set<String> w = new LinkedHashSet<>();
    for (InputSpec s : inputs) {
      if (s.kind().equals("flag")) {
        w.add(s.key());
      }
    }
    this.watched = Collections.unmodifiableSet(w);
  }

  /** The names of the inputs, as the trace shows them. */
  public List<String> inputNames() {
    List<String> names = new ArrayList<>();
    flags.forEach(f -> names.add("flag:" + f));
    inputs.forEach(s -> names.add(s.toString()));
    if (supplied != null) {
      names.add("value");
    }
    return names;
  }

  @Override
  public Verdict test(ConditionContext context) {
    Map<String, String> now = digests(context);
    JsonNode record = FrameworkRecords.of(context, OWNER).get(context.handlerId()).orElse(null);
    if (record == null || !record.path("inputs").isObject()) {
      return Verdict.met(FIRST, null);
    }
    List<String> changed = changed(record.path("inputs"), now);
    if (changed.isEmpty()) {
      return Verdict.unmet("inputs unchanged since hook ", since(record));
    }
    return Verdict.met("inputs changed: ", String.join(", ", changed));
  }

  private static String since(JsonNode record) {
    return record.path("hook").asText("?") + " (run " + record.path("runs").asLong() + ")";
  }

  /** The names whose digest differs, in input order, then those no longer inputs (sorted). */
  static List<String> changed(JsonNode before, Map<String, String> now) {
    List<String> changed = new ArrayList<>();
    now.forEach((name, digest) -> {
      if (!digest.equals(before.path(name).asText(null))) {
        changed.add(name);
      }
    });
    Set<String> gone = new TreeSet<>();
    before.fieldNames().forEachRemaining(name -> {
      if (!now.containsKey(name)) {
        gone.add(name);
      }
    });
    changed.addAll(gone);
    return changed;
  }

  @Override
  public void onHandlerSuccess(charms.reactive.HandlerContext context) {
    String id = context.handlerId();
    InputReaders readers = context.service(InputReaders.class);
    ConditionContext view = ConditionContext.of(id, charms.reactive.Phase.OTHER, context,
        flags -> true, context.service(charms.reactive.HookFacts.class),
        spec -> readers.read(context, InputSpec.parse(spec, id), id));
    JsonNode record = FrameworkRecords.of(context, OWNER).get(id).orElse(null);
    ObjectNode next = Json.NODES.objectNode();
    next.put("hook", context.environment().hookName());
    next.put("runs", (record == null ? 0 : record.path("runs").asLong()) + 1);
    ObjectNode digests = next.putObject("inputs");
    digests(view).forEach(digests::put);
    FrameworkRecords.of(context, OWNER).set(id, next);
  }

  /** Input name to a short digest of its current value. */
  Map<String, String> digests(ConditionContext context) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String flag : flags) {
      out.put("flag:" + flag, context.flags().isSet(flag)
          ? digest(context.flags().value(flag).orElse(null)) : ABSENT);
    }
    for (InputSpec spec : inputs) {
      out.put(spec.toString(), digest(context.input(spec.toString())));
    }
    if (supplied != null) {
      out.put("value", digest(Json.toNode(supplied.apply(context), "the value of stable handler "
          + context.handlerId())));
    }
    return out;
  }

  /** The first 16 hex digits of the SHA-256 of the value's canonical JSON (keys sorted). */
  static String digest(JsonNode value) {
    String text;
    try {
      text = PythonJson.dumps(value);
    } catch (IllegalArgumentException e) {
      text = String.valueOf(value);
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @Override
  public Set<String> watchedFlags() {
    return watched;
  }

  /**
   * False: the values of flags are inputs too, and a new value is no transition, so a queued
   * stable handler is re-tested after every handler.
   */
  @Override
  public boolean dependsOnlyOnWatchedFlags() {
    return false;
  }

  @Override
  public String describe() {
    return "stable(" + String.join(", ", inputNames()) + ")";
  }
}
