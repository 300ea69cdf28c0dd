package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/**
 * {@code mem_fragmentation_ratio} above the threshold with enough bytes wasted ({@code
 * mem_fragmentation_bytes}, else {@code used_memory_rss - used_memory}): small servers always show
 * a high ratio and are ignored.
 */
public final class Fragmentation implements ShardRule {
  public static final String NAME = "fragmentation";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("mem_fragmentation_ratio", "used_memory_rss", "used_memory");
  }

  @Override
  public String why() {
    return "fragmented memory counts against the pod's limit but holds no data";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Double ratio = shard.current().getDouble("mem_fragmentation_ratio");
    Long wasted = shard.now("mem_fragmentation_bytes");
    if (wasted == null) {
      Long rss = shard.now("used_memory_rss");
      Long used = shard.now("used_memory");
      wasted = rss == null || used == null ? null : rss - used;
    }
    if (ratio == null
        || wasted == null
        || ratio <= input.thresholds().fragmentationRatio()
        || wasted < input.thresholds().fragmentationMinBytes()) {
      return null;
    }
    return "mem_fragmentation_ratio is "
        + ratio
        + " ("
        + InfoFields.bytes(wasted)
        + " wasted): enable activedefrag yes, or restart the server at a quiet time";
  }
}
