package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** Keys with a TTL ({@code dbN: expires}) far below all keys, where every key should expire. */
public final class KeysWithoutExpiry implements ShardRule {
  public static final String NAME = "keys-without-expiry";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("#keyspace");
  }

  @Override
  public String why() {
    return "a rate-limit window or a lock without a TTL never ends when its client forgets or"
        + " crashes";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long keys = InfoFields.keyspaceSum(shard.current(), "keys");
    Long expires = InfoFields.keyspaceSum(shard.current(), "expires");
    if (keys == null || expires == null || keys < input.thresholds().expiryMinKeys()) {
      return null;
    }
    double ratio = (double) expires / keys;
    if (ratio * 100 >= input.thresholds().expiringKeysMinPercent()) {
      return null;
    }
    return "only "
        + expires
        + " of "
        + keys
        + " keys ("
        + InfoFields.percent(ratio)
        + ") have a TTL: set one on every key (SET ... PX, or EXPIRE with INCR)";
  }
}
