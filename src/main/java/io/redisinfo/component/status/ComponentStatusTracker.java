package io.redisinfo.component.status;

import io.redisinfo.component.ComponentListener;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.shard.ShardRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current status of every component, for readers that keep no status of their own (the HTTP
 * API, standalone mode): it remembers each component's last conditions so that {@code
 * lastTransitionTime} says when the status last changed, not when it was last asked for. Listen to
 * the {@link ComponentRegistry} with it so removed components are forgotten.
 */
public final class ComponentStatusTracker implements ComponentListener {
  private final ComponentRegistry components;
  private final ShardRegistry shards;
  private final ComponentStatusAggregator aggregator;
  private final Map<String, List<ComponentCondition>> lastConditions = new ConcurrentHashMap<>();

  public ComponentStatusTracker(
      ComponentRegistry components, ShardRegistry shards, ComponentStatusAggregator aggregator) {
    this.components = components;
    this.shards = shards;
    this.aggregator = aggregator;
  }

  /** One component with its status now, or empty when there is no such component. */
  public Optional<Tracked> get(String key) {
    return components.get(key).map(c -> new Tracked(c, status(c)));
  }

  /** The status of one component now. */
  public ComponentStatus status(ParsedComponent component) {
    ComponentStatus status =
        aggregator.aggregate(
            component, shards.all(), lastConditions.getOrDefault(component.key(), List.of()));
    lastConditions.put(component.key(), status.conditions());
    return status;
  }

  /** Every component with its status, sorted by key. */
  public List<Tracked> all() {
    List<Tracked> all = new ArrayList<>();
    for (ParsedComponent component : components.all()) {
      all.add(new Tracked(component, status(component)));
    }
    return all;
  }

  @Override
  public void onChanged(ParsedComponent previous, ParsedComponent current) {
    if (current == null && previous != null) {
      lastConditions.remove(previous.key());
    }
  }

  /** A component and its status. */
  public record Tracked(ParsedComponent component, ComponentStatus status) {}
}
