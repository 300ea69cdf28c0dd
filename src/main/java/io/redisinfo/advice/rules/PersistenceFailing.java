package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The last RDB save, AOF write or AOF rewrite failed. */
public final class PersistenceFailing implements ShardRule {
  public static final String NAME = "persistence-failing";
  private static final List<String> STATUSES =
      List.of("rdb_last_bgsave_status", "aof_last_write_status", "aof_last_bgrewrite_status");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("rdb_last_bgsave_status");
  }

  @Override
  public String why() {
    return "with a failing save Redis refuses writes (stop-writes-on-bgsave-error) or loses them"
        + " on restart";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    List<String> failing = new ArrayList<>(0);
    for (String field : STATUSES) {
      String status = shard.current().getString(field);
      if (status != null && !status.equals("ok")) {
        failing.add(field + ":" + status);
      }
    }
    if (failing.isEmpty()) {
      return null;
    }
    return String.join(", ", failing)
        + ": check the server log, free disk space and the dir's permissions";
  }
}
