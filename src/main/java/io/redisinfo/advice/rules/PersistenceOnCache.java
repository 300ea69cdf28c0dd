package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/**
 * A pure cache that writes to disk: AOF on, or RDB snapshots beyond those replica syncs explain
 * ({@code rdb_saves} above {@code sync_full}, Redis 7+).
 */
public final class PersistenceOnCache implements ShardRule {
  public static final String NAME = "persistence-on-cache";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("aof_enabled");
  }

  @Override
  public String why() {
    return "persisting a cache costs forks, disk I/O and latency for data that can be rebuilt";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long aof = shard.now("aof_enabled");
    if (aof != null && aof == 1) {
      return "appendonly is on for a cache: set appendonly no (and save \"\") unless a cold"
          + " start is unaffordable";
    }
    Long saves = shard.now("rdb_saves");
    Long syncs = shard.now("sync_full");
    if (saves != null && syncs != null && saves > syncs) {
      return saves
          + " RDB snapshots since start on a cache: set save \"\" unless a cold start is"
          + " unaffordable";
    }
    return null;
  }
}
