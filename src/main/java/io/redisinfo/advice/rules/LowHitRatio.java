package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** A cache's hits / (hits + misses) between two polls below the threshold, with enough lookups. */
public final class LowHitRatio implements ShardRule {
  public static final String NAME = "low-hit-ratio";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> previousKeys() {
    return Set.of("keyspace_hits", "keyspace_misses");
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("keyspace_hits", "keyspace_misses");
  }

  @Override
  public String why() {
    return "a cache that mostly misses costs a round trip per request and saves little";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long hits = shard.delta("keyspace_hits");
    Long misses = shard.delta("keyspace_misses");
    if (hits == null || misses == null) {
      return null;
    }
    long lookups = hits + misses;
    if (lookups == 0 || lookups < input.thresholds().hitRatioMinLookups()) {
      return null;
    }
    double ratio = (double) hits / lookups;
    if (ratio * 100 >= input.thresholds().hitRatioMinPercent()) {
      return null;
    }
    return "hit ratio "
        + InfoFields.percent(ratio)
        + " over the last "
        + lookups
        + " lookups: check TTLs, key naming and maxmemory (evictions), or whether this data is"
        + " worth caching";
  }
}
