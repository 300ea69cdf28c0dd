package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** {@code evicted_keys} grew since the last poll: keys are being deleted to make room. */
public final class Evictions implements ShardRule {
  public static final String NAME = "evictions";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean reportsEvents() {
    return true;
  }

  @Override
  public Set<String> previousKeys() {
    return Set.of("evicted_keys");
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("evicted_keys");
  }

  @Override
  public String why() {
    return "evictions are a cache working as designed, and silent data loss for anything else";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long evicted = shard.delta("evicted_keys");
    if (evicted == null || evicted == 0) {
      return null;
    }
    return evicted
        + " keys evicted since the last poll: raise maxmemory, store less, or (for data that must"
        + " not be lost) use maxmemory-policy noeviction";
  }
}
