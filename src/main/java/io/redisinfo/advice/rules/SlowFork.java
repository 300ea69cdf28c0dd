package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** {@code latest_fork_usec} above the threshold. */
public final class SlowFork implements ShardRule {
  public static final String NAME = "slow-fork";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("latest_fork_usec");
  }

  @Override
  public String why() {
    return "Redis answers nobody while it forks for a save, a rewrite or a replica sync";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long usec = shard.now("latest_fork_usec");
    if (usec == null || usec <= input.thresholds().slowForkMillis() * 1000) {
      return null;
    }
    return "the last fork took "
        + usec / 1000
        + " ms: use smaller instances, disable transparent huge pages, or fork less (fewer saves,"
        + " no persistence on caches)";
  }
}
