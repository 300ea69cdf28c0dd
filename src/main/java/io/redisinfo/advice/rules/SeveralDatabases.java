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
    if (keyspace == null || keyspace.size() < 2) {
      return null; // one database or none: nothing to walk
    }
    // Counted first, without a lambda or a list: this runs after every poll, and almost every
    // server has one database.
    int count = 0;
    for (Map.Entry<String, Object> db : keyspace.entrySet()) {
      if (holdsKeys(db.getKey(), db.getValue())) {
        count++;
      }
    }
    if (count < 2) {
      return null;
    }
    List<String> used = new ArrayList<>(count);
    for (Map.Entry<String, Object> db : keyspace.entrySet()) {
      if (holdsKeys(db.getKey(), db.getValue())) {
        used.add(db.getKey());
      }
    }
    return "keys in "
        + String.join(", ", used)
        + ": give each use its own component (server), or one database and key prefixes";
  }

  private static boolean holdsKeys(String name, Object value) {
    return name.startsWith("db")
        && value instanceof Map<?, ?> fields
        && fields.get("keys") instanceof Number n
        && n.longValue() > 0;
  }
}
