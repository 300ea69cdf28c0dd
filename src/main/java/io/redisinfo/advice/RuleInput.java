package io.redisinfo.advice;

import io.redisinfo.component.Purpose;
import java.util.List;

/**
 * Everything a rule may look at: what the component is for, each of its shards that answered its
 * last poll (with the INFO before), and the thresholds.
 *
 * @param shardCount every shard of the component, also those unreachable or not polled yet
 */
public record RuleInput(
    Purpose purpose, List<ShardInfo> shards, int shardCount, AdvisoryThresholds thresholds) {
  public RuleInput {
    shards = List.copyOf(shards);
  }
}
