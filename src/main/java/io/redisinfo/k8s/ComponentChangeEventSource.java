package io.redisinfo.k8s;

import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.redisinfo.advice.Advisory;
import io.redisinfo.advice.AdvisoryListener;
import io.redisinfo.component.ComponentListener;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.component.status.VisibleShardState;
import io.redisinfo.directory.DirectoryEntry;
import io.redisinfo.directory.DirectoryListener;
import io.redisinfo.poll.PollObserver;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardListener;
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

  private final Map<String, VisibleShardState> lastSeen = new ConcurrentHashMap<>();
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
    VisibleShardState now = VisibleShardState.of(shard.snapshot());
    boolean newlyJudged = !judged.contains(component) && advisoriesSettled.test(component);
    if (newlyJudged) {
      judged.add(component);
    }
    if (!now.equals(lastSeen.put(shard.id(), now)) || newlyJudged) {
      trigger(component);
    }
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
