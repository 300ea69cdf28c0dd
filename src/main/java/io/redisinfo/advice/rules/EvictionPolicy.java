package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import io.redisinfo.component.Purpose;
import java.util.Set;

/**
 * {@code maxmemory_policy} that does not fit the purpose: anything but {@code noeviction} where
 * keys are data (queue, lock, counter, session); {@code noeviction}, or {@code volatile-*} while no
 * key has a TTL, where keys are disposable (cache, rate limit).
 */
public final class EvictionPolicy implements ShardRule {
  public static final String NAME = "eviction-policy";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("maxmemory_policy");
  }

  @Override
  public String why() {
    return "the policy decides what happens at maxmemory: durable data must not be evicted,"
        + " disposable data should be";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    String policy = shard.current().getString("maxmemory_policy");
    if (policy == null) {
      return null;
    }
    Purpose purpose = input.purpose();
    if (durable(purpose)) {
      if (policy.equals("noeviction")) {
        return null;
      }
      return "maxmemory_policy is "
          + policy
          + " on a "
          + purpose.wireName()
          + " component: set maxmemory-policy noeviction so a full server refuses writes"
          + " instead of silently deleting data";
    }
    if (policy.equals("noeviction")) {
      return "maxmemory_policy is noeviction on a "
          + purpose.wireName()
          + " component: set maxmemory-policy allkeys-lru (or allkeys-lfu) so a full server"
          + " evicts old keys instead of failing writes";
    }
    if (policy.startsWith("volatile-")) {
      Long keys = InfoFields.keyspaceSum(shard.current(), "keys");
      Long expires = InfoFields.keyspaceSum(shard.current(), "expires");
      if (keys != null && expires != null && keys > 0 && expires == 0) {
        return "maxmemory_policy is "
            + policy
            + " but none of the "
            + keys
            + " keys has a TTL, so nothing can be evicted: use allkeys-lru or set TTLs";
      }
    }
    return null;
  }

  static boolean durable(Purpose purpose) {
    return switch (purpose) {
      case QUEUE, LOCK, COUNTER, SESSION -> true;
      default -> false;
    };
  }
}
