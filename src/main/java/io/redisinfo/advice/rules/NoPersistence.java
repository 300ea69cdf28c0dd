package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/**
 * AOF off and no RDB save since the server started ({@code rdb_saves:0}, Redis 7+), while changes
 * have waited longer than the threshold: nothing this server holds would survive a restart. INFO
 * does not show the {@code save} setting, so this is judged by what happened, not by the config.
 */
public final class NoPersistence implements ShardRule {
  public static final String NAME = "no-persistence";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("aof_enabled", "rdb_saves", "rdb_changes_since_last_save", "uptime_in_seconds");
  }

  @Override
  public String why() {
    return "without AOF or RDB snapshots a restart loses every job, counter or session held";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long aof = shard.now("aof_enabled");
    Long saves = shard.now("rdb_saves");
    Long changes = shard.now("rdb_changes_since_last_save");
    Long uptime = shard.now("uptime_in_seconds");
    if (aof == null || saves == null || changes == null || uptime == null) {
      return null;
    }
    if (aof != 0 || saves != 0 || changes == 0 || uptime < input.thresholds().unsavedSeconds()) {
      return null;
    }
    return "AOF is off and no RDB snapshot was taken in "
        + uptime
        + " s of uptime ("
        + changes
        + " changes unsaved): set appendonly yes (appendfsync everysec) or save points";
  }
}
