package io.redisinfo.k8s;

import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.redisinfo.advice.Advisory;
import io.redisinfo.advice.AdvisoryListener;
import io.redisinfo.component.ComponentListener;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.directory.DirectoryEntry;
import io.redisinfo.directory.DirectoryListener;
import io.redisinfo.info.InfoSummary;
import io.redisinfo.poll.PollObserver;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardListener;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Turns what the engine sees into JOSDK events for the RedisComponent it concerns, so a component
 * is reconciled when something a user could see changed, not on a timer: a poll whose result
 * differs visibly from the shard's last one (reachability, failure kind, role, version, link state,
 * or a figure at the precision status compares it), a shard added, changed or removed, the
 * component's spec or problem, its directory entry, the directory ConfigMap's verdict, an advisory
 * that starts or clears. Polls that change nothing visible, which is nearly all of them, cost a map
 * lookup.
 */
final class ComponentChangeEventSource extends AbstractEventSource<Void, RedisComponent>
    implements PollObserver, ShardListener, ComponentListener, DirectoryListener, AdvisoryListener {

  /** What of a shard's poll a user can see, at the precision status compares it. */
  private record Visible(
      boolean reachable,
      FailureKind failure,
      String role,
      String version,
      String link,
      long memoryBucket,
      long maxMemory,
      long keys,
      long clients,
      long ops,
      long hitPercent,
      long evicted,
      long lag,
      long firstTimeouts) {}

  private final Map<String, Visible> lastSeen = new ConcurrentHashMap<>();
  private final Set<String> judged = ConcurrentHashMap.newKeySet();
  private final Predicate<String> advisoriesSettled;

  /**
   * @param advisoriesSettled whether a component's advisories have been judged (its Healthy
   *     condition can leave Evaluating)
   */
  ComponentChangeEventSource(Predicate<String> advisoriesSettled) {
    super(Void.class, "component-changes");
    this.advisoriesSettled = advisoriesSettled;
  }

  @Override
  public Set<Void> getSecondaryResources(RedisComponent primary) {
    return Set.of();
  }

  /** Asks JOSDK to reconcile {@code namespace/name} (coalesced with any pending request). */
  void trigger(String componentKey) {
    if (componentKey == null || !isRunning() || getEventHandler() == null) {
      return;
    }
    int slash = componentKey.indexOf('/');
    if (slash < 0) {
      return;
    }
    getEventHandler()
        .handleEvent(
            new Event(
                new ResourceID(
                    componentKey.substring(slash + 1), componentKey.substring(0, slash))));
  }

  @Override
  public void onPoll(Shard shard, FailureKind failure, Duration duration) {
    String component = shard.spec().component();
    if (component == null) {
      return;
    }
    Visible now = visible(shard.snapshot());
    boolean newlyJudged = !judged.contains(component) && advisoriesSettled.test(component);
    if (newlyJudged) {
      judged.add(component);
    }
    if (!now.equals(lastSeen.put(shard.id(), now)) || newlyJudged) {
      trigger(component);
    }
  }

  private static Visible visible(ShardSnapshot snapshot) {
    InfoSummary s = snapshot.summary();
    return new Visible(
        snapshot.reachable(),
        snapshot.failure(),
        s == null ? null : s.role(),
        s == null ? null : s.version(),
        s == null ? null : s.masterLinkStatus(),
        s == null || s.usedMemory() == null || s.usedMemory() <= 0
            ? -1
            : Math.round(Math.log(s.usedMemory()) / Math.log(1.01)),
        s == null || s.maxMemory() == null ? -1 : s.maxMemory(),
        s == null ? -1 : twoDigits(s.keys()),
        s == null ? -1 : twoDigits(s.connectedClients()),
        s == null || s.opsPerSec() == null ? -1 : twoDigits(Math.round(s.opsPerSec())),
        s == null || s.hitRatio() == null ? -1 : Math.round(s.hitRatio() * 100),
        s == null ? -1 : twoDigits(s.evictedKeys()),
        s == null || s.replicationLagSeconds() == null
            ? -1
            : s.replicationLagSeconds() <= 1 ? 0 : twoDigits(s.replicationLagSeconds()),
        // A shard that never answered turns from "not yet known" into failing after a few
        // timeouts (ComponentStatusAggregator.settled): that is visible too.
        snapshot.info() == null ? Math.min(snapshot.failures(), 3) : 0);
  }

  /** A count at 2 significant digits (1234 -> 1200), as status compares it; -1 when unknown. */
  static long twoDigits(Long value) {
    if (value == null) {
      return -1;
    }
    long v = Math.abs(value);
    long scale = 1;
    while (v >= 100) {
      v = (v + 5) / 10;
      scale *= 10;
    }
    return Long.signum(value) * v * scale;
  }

  @Override
  public void onAdded(Shard shard) {
    trigger(shard.spec().component());
  }

  @Override
  public void onUpdated(Shard shard, ShardSpec previous) {
    trigger(previous.component());
    if (!Objects.equals(previous.component(), shard.spec().component())) {
      trigger(shard.spec().component());
    }
  }

  @Override
  public void onRemoved(Shard shard) {
    lastSeen.remove(shard.id());
    trigger(shard.spec().component());
  }

  @Override
  public void onChanged(ParsedComponent previous, ParsedComponent current) {
    if (current == null && previous != null) {
      judged.remove(previous.key());
    }
    trigger(current != null ? current.key() : previous == null ? null : previous.key());
  }

  @Override
  public void onChanged(String key, DirectoryEntry previous, DirectoryEntry current) {
    trigger(key);
  }

  @Override
  public void onStarted(String component, Advisory advisory) {
    trigger(component);
  }

  @Override
  public void onCleared(String component, Advisory advisory) {
    trigger(component);
  }
}
