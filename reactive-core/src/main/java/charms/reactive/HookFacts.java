package charms.reactive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The hook-scoped facts of one hook: edges such as "config option {@code port} changed"
 * ({@code config.port}), "field {@code host} of endpoint {@code db} changed"
 * ({@code endpoint.db.host}), "a unit of {@code db} departed" ({@code endpoint.db.departed}),
 * "the charm was upgraded" ({@code charm.upgraded}), "file {@code /etc/app.conf} changed"
 * ({@code file:/etc/app.conf}). Each is derived by comparing this hook's reading with the one the
 * last committed hook recorded, holds for this hook only, and is gone when the hook ends: nothing
 * is persisted here and nobody clears a fact. Conditions read them through
 * {@link ConditionContext#facts()} ({@link WhenChanged}); modules add them in their start
 * callbacks through the hook service of this type.
 *
 * <p>Facts are plain names; a module may instead answer a whole prefix lazily
 * ({@link #derive}), for facts that cost something to work out (a file's digest) and that only
 * the conditions that ask about them need. A lazy answer is asked once per hook and kept, so a
 * fact does not change while the hook runs.
 *
 * <p>Besides the facts, the object keeps which handler completed with which fact in this hook, so
 * that an edge runs a handler once per hook and not again in every iteration of the main loop.
 *
 * <p>One instance per hook; used on the hook's thread only (not thread-safe).
 */
public final class HookFacts {
  private final Set<String> facts = new HashSet<>();
  private final List<Map.Entry<String, Predicate<String>>> derived = new ArrayList<>();
  private final Map<String, Boolean> answered = new HashMap<>();
  private final Map<String, Set<String>> handled = new HashMap<>();

  /** Adds a fact for the rest of this hook. */
  public HookFacts add(String fact) {
    facts.add(requireName(fact));
    return this;
  }

  /**
   * Answers every fact starting with {@code prefix} with {@code test} (given the whole fact
   * name), asked at most once per fact and hook.
   */
  public HookFacts derive(String prefix, Predicate<String> test) {
    derived.add(Map.entry(requireName(prefix), Objects.requireNonNull(test, "test")));
    return this;
  }

  /** Whether the fact holds in this hook. */
  public boolean contains(String fact) {
    if (facts.contains(fact)) {
      return true;
    }
    Boolean known = answered.get(fact);
    if (known != null) {
      return known;
    }
    boolean holds = false;
    for (Map.Entry<String, Predicate<String>> d : derived) {
      if (fact.startsWith(d.getKey()) && d.getValue().test(fact)) {
        holds = true;
        break;
      }
    }
    answered.put(fact, holds);
    return holds;
  }

  /** The facts added so far and the derived ones found to hold, sorted. */
  public Set<String> names() {
    Set<String> all = new TreeSet<>(facts);
    answered.forEach((fact, holds) -> {
      if (holds) {
        all.add(fact);
      }
    });
    return Collections.unmodifiableSet(all);
  }

  /** Whether {@code handlerId} already completed in this hook while {@code fact} held. */
  public boolean handledBy(String handlerId, String fact) {
    Set<String> done = handled.get(handlerId);
    return done != null && done.contains(fact);
  }

  /** Records that {@code handlerId} completed while these facts held (for this hook only). */
  public void markHandled(String handlerId, java.util.Collection<String> handledFacts) {
    handled.computeIfAbsent(handlerId, k -> new HashSet<>()).addAll(handledFacts);
  }

  private static String requireName(String fact) {
    if (fact == null || fact.isEmpty() || fact.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("a fact name must be non-empty and free of whitespace, was '"
          + fact + "'");
    }
    return fact;
  }
}
