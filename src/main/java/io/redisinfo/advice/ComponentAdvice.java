package io.redisinfo.advice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One component's advisories through {@link Hysteresis}: candidates found once, active ones, and
 * active ones missing lately. Not thread-safe; {@link AdvisoryTracker} locks it.
 */
final class ComponentAdvice {
  private final String component;
  private final Hysteresis hysteresis;
  private final Map<Advisory.Key, Entry> entries = new HashMap<>();

  private final Set<String> eventRules;
  private int evaluations;

  /**
   * @param eventRules rules whose advisories start at their first sighting
   */
  ComponentAdvice(String component, Hysteresis hysteresis, Set<String> eventRules) {
    this.component = component;
    this.hysteresis = hysteresis;
    this.eventRules = eventRules;
  }

  /** Evaluations taken so far. */
  int evaluations() {
    return evaluations;
  }

  private static final class Entry {
    Advisory latest;
    int seen;
    int missed;
    Instant missingSince;
    boolean active;
  }

  /**
   * Takes one evaluation's advisories. Only keys {@code inScope} are judged: an evaluation run for
   * one shard's poll says nothing new about another shard.
   */
  void update(
      List<Advisory> found,
      Predicate<Advisory.Key> inScope,
      Instant now,
      AdvisoryListener listener) {
    evaluations++;
    Map<Advisory.Key, Advisory> foundByKey = found.isEmpty() ? Map.of() : new HashMap<>();
    for (Advisory a : found) {
      if (inScope.test(a.key())) {
        foundByKey.putIfAbsent(a.key(), a);
      }
    }
    for (Iterator<Map.Entry<Advisory.Key, Entry>> it = entries.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<Advisory.Key, Entry> e = it.next();
      Entry entry = e.getValue();
      if (!inScope.test(e.getKey()) || foundByKey.containsKey(e.getKey())) {
        continue;
      }
      if (!entry.active) {
        it.remove(); // a candidate must be found in consecutive evaluations
        continue;
      }
      entry.missed++;
      if (entry.missingSince == null) {
        entry.missingSince = now;
      }
      if (entry.missed >= hysteresis.clearAfter()
          && !Duration.between(entry.missingSince, now)
              .minus(hysteresis.clearAfterTime())
              .isNegative()) {
        it.remove();
        listener.onCleared(component, entry.latest);
      }
    }
    for (Advisory a : foundByKey.values()) {
      Entry entry = entries.computeIfAbsent(a.key(), k -> new Entry());
      Instant since = entry.latest == null ? a.since() : entry.latest.since();
      Advisory before = entry.latest;
      entry.latest = a.withSince(since);
      entry.seen++;
      entry.missed = 0;
      entry.missingSince = null;
      if (entry.active && before.severity() != a.severity()) {
        listener.onCleared(component, before); // the severity is part of its identity outside
        listener.onStarted(component, entry.latest);
      } else if (!entry.active
          && entry.seen >= (eventRules.contains(a.rule()) ? 1 : hysteresis.startAfter())) {
        entry.active = true;
        listener.onStarted(component, entry.latest);
      }
    }
  }

  /** Withdraws at once the active advisories {@code gone} selects (shard removed, rule off). */
  void clearNow(Predicate<Advisory> gone, AdvisoryListener listener) {
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (gone.test(entry.latest)) {
        it.remove();
        if (entry.active) {
          listener.onCleared(component, entry.latest);
        }
      }
    }
  }

  /** The active advisories, worst first. */
  List<Advisory> active() {
    List<Advisory> active = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.active) {
        active.add(entry.latest);
      }
    }
    active.sort(AdvisoryEvaluator.ORDER);
    return active;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }
}
