package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** used_memory above a share of maxmemory: the next growth evicts keys or fails writes. */
public final class MemoryNearLimit implements ShardRule {
  public static final String NAME = "memory-near-limit";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("used_memory", "maxmemory");
  }

  @Override
  public String why() {
    return "at maxmemory Redis evicts keys or refuses writes, depending on maxmemory-policy";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long used = shard.now("used_memory");
    Long max = shard.now("maxmemory");
    if (used == null || max == null || max <= 0) {
      return null;
    }
    double ratio = (double) used / max;
    if (ratio * 100 <= input.thresholds().memoryNearLimitPercent()) {
      return null;
    }
    return "used_memory is "
        + InfoFields.percent(ratio)
        + " of maxmemory ("
        + InfoFields.bytes(used)
        + " of "
        + InfoFields.bytes(max)
        + "): raise maxmemory (and the pod's memory) or store less";
  }
}
