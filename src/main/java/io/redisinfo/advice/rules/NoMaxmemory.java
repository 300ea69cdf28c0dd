package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** {@code maxmemory:0}: nothing stops the data set from growing until the pod is OOM-killed. */
public final class NoMaxmemory implements ShardRule {
  public static final String NAME = "no-maxmemory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("maxmemory");
  }

  @Override
  public String why() {
    return "without a memory limit Redis grows until the kernel or Kubernetes kills it, losing"
        + " everything at once";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long maxmemory = shard.now("maxmemory");
    if (maxmemory == null || maxmemory != 0) {
      return null;
    }
    return "maxmemory is 0 (no limit): set maxmemory below the container's memory limit"
        + " (leave room for fork and buffers)";
  }
}
