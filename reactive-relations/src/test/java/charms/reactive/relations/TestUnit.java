package charms.reactive.relations;

import charms.reactive.HookRun;
import charms.reactive.ReactiveCharm;
import charms.reactive.state.StateDocument;
import charms.reactive.testing.Harness;
import charms.reactive.testing.HookEvent;
import charms.reactive.testing.HookOutcome;
import charms.reactive.testing.HookToolCall;
import charms.reactive.testing.JujuState;
import charms.reactive.testing.RelationState;
import charms.reactive.testing.ToolAnswer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * One unit for tests, run by the harness (reactive-testing's fake Juju): a charm directory with
 * metadata.yaml, the unit's view of the model ({@link #state}) carried from hook to hook, and
 * every hook's outcome. Model changes between hooks go through {@link #relation}/{@link Rel},
 * which only edit the {@link JujuState}; the hook tools are the harness's.
 */
final class TestUnit implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  final Path charmDir;
  JujuState state;
  ReactiveCharm charm;
  private boolean checks = true;
  final List<HookOutcome> outcomes = new ArrayList<>();
  private final Map<String, ToolAnswer> answers = new LinkedHashMap<>();
  /** Units departed from a relation (by id) whose -relation-departed hook has not run yet. */
  private final Map<Integer, Map<String, SortedMap<String, String>>> departing = new TreeMap<>();
  private Harness harness;

  TestUnit(Path charmDir, String unitName, String metadata) {
    this.charmDir = charmDir;
    this.state = JujuState.forUnit(unitName);
    try {
      Files.writeString(charmDir.resolve("metadata.yaml"), metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TestUnit charm(ReactiveCharm c) {
    this.charm = c;
    closeHarness();
    return this;
  }

  /**
   * Turns the harness's consistency checks off for the following hooks, to run what Juju itself
   * would not (a relation hook for a relation it no longer lists).
   */
  TestUnit unchecked() {
    checks = false;
    closeHarness();
    return this;
  }

  /** Scripts a hook tool's answers for the following hooks. */
  TestUnit answer(String tool, ToolAnswer answer) {
    answers.put(tool, answer);
    closeHarness();
    return this;
  }

  /** The relation {@code endpoint:id}, added (remote app, no units) if the state lacks it. */
  Rel relation(String endpoint, int id, String remoteApp) {
    if (state.relation(id).isEmpty()) {
      state = state.withRelation(RelationState.of(endpoint, id, remoteApp));
    }
    return new Rel(id);
  }

  /** The relation named by {@code endpoint:id}. */
  Rel rel(String ref) {
    return new Rel(Integer.parseInt(ref.substring(ref.indexOf(':') + 1)));
  }

  /** The framework's unit state as committed by the last successful hook. */
  StateDocument committed() {
    return state.unitState();
  }

  /** Every call of {@code tool} in every hook so far, in order. */
  List<HookToolCall> calls(String tool) {
    return calls().stream().filter(c -> c.tool().equals(tool)).toList();
  }

  /** Every hook-tool call so far, in order. */
  List<HookToolCall> calls() {
    return outcomes.stream().flatMap(o -> o.toolCalls().stream()).toList();
  }

  /** Runs a unit hook. */
  HookRun hook(String name) {
    return run(HookEvent.unit(name), state, null);
  }

  /**
   * Runs a relation hook of {@code ref} ({@code db:1}) for a remote unit (null for created and
   * broken). A departed hook runs for a unit {@link Rel#depart departed} before: it is in scope
   * during its hook, as in Juju, and gone after it.
   */
  HookRun relationHook(String ref, String event, String remoteUnit) {
    String endpoint = ref.substring(0, ref.indexOf(':'));
    int id = Integer.parseInt(ref.substring(ref.indexOf(':') + 1));
    String suffix = "relation-" + event;
    JujuState input = state;
    String after = null;
    if (event.equals("departed") && input.relation(id).isPresent()) {
      SortedMap<String, String> data = departing.getOrDefault(id, new TreeMap<>()).remove(remoteUnit);
      if (data != null) {
        input = input.withRelation(input.requireRelation(id).withRemoteUnit(remoteUnit, data));
      }
      after = remoteUnit;
    }
    String departingUnit = event.equals("departed") ? remoteUnit : null;
    return run(HookEvent.relation(suffix, endpoint, id, remoteUnit, departingUnit), input, after);
  }

  private HookRun run(HookEvent event, JujuState input, String departedUnit) {
    if (harness == null) {
      Harness.Builder b = Harness.builder(charmDir).charm(charm).consistencyChecks(checks);
      answers.forEach(b::answer);
      harness = b.build();
    }
    HookOutcome out = harness.run(event, input);
    outcomes.add(out);
    state = out.state();
    if (departedUnit != null && state.relation(event.relationId()).isPresent()) {
      state = state.withRelation(state.requireRelation(event.relationId())
          .withoutRemoteUnit(departedUnit));
    }
    return out.run().orElseThrow();
  }

  private void closeHarness() {
    if (harness != null) {
      harness.close();
      harness = null;
    }
  }

  @Override
  public void close() {
    closeHarness();
  }

  /** Edits one relation of {@link #state} between hooks. */
  final class Rel {
    final int id;

    Rel(int id) {
      this.id = id;
    }

    RelationState get() {
      return state.requireRelation(id);
    }

    private Rel update(UnaryOperator<RelationState> change) {
      state = state.withRelation(change.apply(get()));
      return this;
    }

    /** Puts a remote unit in scope with exactly this bag (or replaces its bag). */
    Rel unit(String name, Map<String, String> data) {
      return update(r -> r.withRemoteUnit(name, data));
    }

    /** Changes one key of a remote unit's bag; a null value removes it. */
    Rel remote(String unit, String key, String value) {
      TreeMap<String, String> bag = new TreeMap<>(get().remoteUnits().get(unit));
      if (value == null) {
        bag.remove(key);
      } else {
        bag.put(key, value);
      }
      return unit(unit, bag);
    }

    /**
     * The remote unit leaves: Juju no longer lists it from now on; its {@code departed} hook
     * (run with {@link TestUnit#relationHook}) still sees it in scope.
     */
    Rel depart(String name) {
      SortedMap<String, String> data = get().remoteUnits().get(name);
      departing.computeIfAbsent(id, k -> new TreeMap<>()).put(name, data);
      return update(r -> r.withoutRemoteUnit(name));
    }

    SortedMap<String, String> localUnitData() {
      return get().localUnitData();
    }

    SortedMap<String, String> localAppData() {
      return get().localAppData();
    }

    /** Puts keys into this unit's own bag, as if an earlier hook had published them. */
    Rel putLocal(Map<String, String> data) {
      TreeMap<String, String> bag = new TreeMap<>(localUnitData());
      bag.putAll(data);
      return update(r -> r.withLocalUnitData(bag));
    }

    Rel remoteAppData(Map<String, String> data) {
      return update(r -> r.withRemoteAppData(data));
    }
  }
}
