package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/**
 * AOF off, changes waiting, and the last RDB save older than the threshold (by the server's own
 * clock, {@code server_time_usec}, Redis 5+). Left to {@link NoPersistence} when Redis 7+ says no
 * save happened at all.
 */
public final class LastSaveOld implements ShardRule {
  public static final String NAME = "last-save-old";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of(
        "aof_enabled", "rdb_changes_since_last_save", "rdb_last_save_time", "server_time_usec");
  }

  @Override
  public String why() {
    return "everything written since the last save is lost if the server restarts now";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long aof = shard.now("aof_enabled");
    Long changes = shard.now("rdb_changes_since_last_save");
    Long lastSave = shard.now("rdb_last_save_time");
    Long serverTime = shard.now("server_time_usec");
    Long saves = shard.now("rdb_saves");
    if (aof == null || changes == null || lastSave == null || serverTime == null) {
      return null;
    }
    if (aof != 0 || changes == 0 || saves != null && saves == 0) {
      return null;
    }
    long age = serverTime / 1_000_000 - lastSave;
    if (age < input.thresholds().unsavedSeconds()) {
      return null;
    }
    return "the last RDB save was "
        + age
        + " s ago with "
        + changes
        + " changes since: check the save points (CONFIG GET save) and"
        + " rdb_last_bgsave_status, or set appendonly yes";
  }
}
