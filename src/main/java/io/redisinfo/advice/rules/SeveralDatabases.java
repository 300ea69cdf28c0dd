package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keys in more than one logical database ({@code dbN} lines with keys). */
public final class SeveralDatabases implements ShardRule {
  public static final String NAME = "several-databases";

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
    return "logical databases share one thread, one memory limit and one eviction policy, and"
        + " Redis Cluster has only db0";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Map<String, Object> keyspace = shard.current().sections().get("keyspace");
    if (keyspace == null) {
      return null;
    }
    List<String> used = new ArrayList<>();
    keyspace.forEach(
        (db, value) -> {
          if (db.startsWith("db")
              && value instanceof Map<?, ?> fields
              && fields.get("keys") instanceof Number n
              && n.longValue() > 0) {
            used.add(db);
          }
        });
    if (used.size() < 2) {
      return null;
    }
    return "keys in "
        + String.join(", ", used)
        + ": give each use its own component (server), or one database and key prefixes";
  }
}
