package io.redisinfo.component.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a component's status is worth writing: only when a user would see a difference ({@link
 * ComponentStatus#visiblyEquals}), and then at most once per interval, except at once when a
 * condition's status or reason changes or the spec's generation does (what {@code kubectl get}
 * shows in READY, and what automation waits for). After a start or a change of leader the status
 * stored on the resource stands for the last written one ({@link #recordStored}), so a restart
 * writes only what differs from what users already see.
 */
public final class StatusPolicy {
  private record Written(ComponentStatus status, Instant at) {}

  private final Duration interval;
  private final Clock clock;
  private final Map<String, Written> written = new ConcurrentHashMap<>();

  public StatusPolicy(Duration interval, Clock clock) {
    this.interval = interval;
    this.clock = clock;
  }

  public boolean due(String key, ComponentStatus status) {
    Written last = written.get(key);
    if (last == null) {
      return true;
    }
    if (last.status().visiblyEquals(status)) {
      return false;
    }
    if (last.status().observedGeneration() != status.observedGeneration()
        || !sameConditionStates(last.status().conditions(), status.conditions())) {
      return true;
    }
    return !clock.instant().isBefore(last.at().plus(interval));
  }

  /** Whether a status of {@code key} was written or read back since this replica started. */
  public boolean knows(String key) {
    return written.containsKey(key);
  }

  /**
   * The status stored on the resource, seen for the first time (a start, a new leader): later
   * statuses are compared with it, and a merely different figure waits out an interval as if it had
   * just been written.
   */
  public void recordStored(String key, ComponentStatus stored) {
    written.putIfAbsent(key, new Written(stored, clock.instant()));
  }

  /**
   * How long until {@code status}, which differs visibly from the last written one but was not due,
   * becomes due; null when nothing is pending (it equals what was written).
   */
  public Duration untilDue(String key, ComponentStatus status) {
    Written last = written.get(key);
    if (last == null) {
      return Duration.ZERO;
    }
    if (last.status().visiblyEquals(status)) {
      return null;
    }
    Duration left = Duration.between(clock.instant(), last.at().plus(interval));
    return left.isNegative() ? Duration.ZERO : left;
  }

  public void recordWritten(String key, ComponentStatus status) {
    written.put(key, new Written(status, clock.instant()));
  }

  /** The conditions last written, to keep their transition times; null when none. */
  public List<ComponentCondition> lastConditions(String key) {
    Written last = written.get(key);
    return last == null ? null : last.status().conditions();
  }

  public void forget(String key) {
    written.remove(key);
  }

  private static boolean sameConditionStates(
      List<ComponentCondition> a, List<ComponentCondition> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      ComponentCondition x = a.get(i);
      ComponentCondition y = b.get(i);
      if (!x.type().equals(y.type())
          || !x.status().equals(y.status())
          || !Objects.equals(x.reason(), y.reason())) {
        return false;
      }
    }
    return true;
  }
}
