package charms.reactive.juju;

import charms.reactive.FlagFact;
import charms.reactive.HookContext;
import charms.reactive.KeyValueStore;
import charms.reactive.spi.FrameworkRecords;
import charms.reactive.spi.StateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import reactor.core.publisher.Flux;

/**
 * The leadership layer's flags as a source: {@code leadership.is_leader} from {@code is-leader},
 * and for every leader setting {@code leadership.set.<key>} (it has a value) and
 * {@code leadership.changed.<key>} (it differs from the copy kept in the unit state; a deleted
 * key counts as changed). The copy is a framework record committed with the hook.
 */
final class LeadershipFlags implements StateSource {
  static final String RECORD = "leader-settings";
  private static final Set<String> READING_HOOKS = Set.of("install", "upgrade-charm",
      "leader-elected", "leader-settings-changed");

  private final JujuSettings settings;

  LeadershipFlags(JujuSettings settings) {
    this.settings = settings;
  }

  /**
   * This hook's reading of leadership: whether this unit leads, the settings the last hook
   * recorded (null on the first hook) and the current ones.
   */
  record Reading(boolean leader, Map<String, String> previous, Map<String, String> current) {
  }

  /**
   * Start callback: asks {@code is-leader}, reads the leader settings once for the hook (or takes
   * the recorded copy in hooks where they cannot have changed) and records them for the next
   * hook. The source then only derives flags from this reading.
   */
  void read(HookContext context) {
    HookTools tools = context.service(HookTools.class);
    KeyValueStore records = FrameworkRecords.of(context, Juju.RECORDS);
    Map<String, String> previous = records.get(RECORD).map(LeaderSettings::toMap).orElse(null);
    boolean read = previous == null || settings.readLeaderSettingsEveryHook()
        || READING_HOOKS.contains(context.environment().hookName());
    Map<String, String> current = read ? new TreeMap<>(tools.leaderGet()) : previous;
    context.service(Readings.class).leadership = new Reading(tools.isLeader(), previous, current);
    charms.reactive.HookFacts facts = context.service(charms.reactive.HookFacts.class);
    Set<String> keys = new TreeSet<>(current.keySet());
    if (previous != null) {
      keys.addAll(previous.keySet());
    }
    for (String key : keys) {
      if (!Objects.equals(current.get(key), previous == null ? null : previous.get(key))) {
        facts.add("leader." + key).add("leader");
      }
    }
    records.set(RECORD, LeaderSettings.toNode(current));
    context.service(LeaderData.class).snapshot(current);
  }

  /**
   * The leadership flags of this hook's reading. Cold and free of side effects: each
   * subscription derives the same facts and changes nothing.
   */
  @Override
  public Flux<FlagFact> facts(HookContext context) {
    return Flux.defer(() -> Flux.fromIterable(compute(Readings.of(context).leadership())));
  }

  private static List<FlagFact> compute(Reading reading) {
    Map<String, String> previous = reading.previous();
    Map<String, String> current = reading.current();
    List<FlagFact> facts = new ArrayList<>();
    facts.add(FlagFact.toggled("leadership.is_leader", reading.leader()));
    Set<String> keys = new TreeSet<>(current.keySet());
    if (previous != null) {
      keys.addAll(previous.keySet());
    }
    for (String key : keys) {
      String now = current.get(key);
      String before = previous == null ? null : previous.get(key);
      facts.add(FlagFact.toggled("leadership.changed." + key, !Objects.equals(now, before)));
      facts.add(FlagFact.toggled("leadership.set." + key, now != null));
    }
    return facts;
  }
}
