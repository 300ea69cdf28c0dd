package io.redisinfo.advice.rules;

import io.redisinfo.advice.Finding;
import io.redisinfo.advice.Rule;
import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A component of several shards with no master, or with more than one (Redis Cluster shards, which
 * are all masters by design, are left out).
 */
public final class MasterCount implements Rule {
  public static final String NAME = "master-count";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("role");
  }

  @Override
  public String why() {
    return "with no master nobody accepts writes; with two, writes split between them and one"
        + " side is lost";
  }

  @Override
  public List<Finding> check(RuleInput input) {
    if (input.shardCount() < 2 || input.shards().isEmpty()) {
      return List.of();
    }
    List<String> masters = new ArrayList<>();
    for (ShardInfo shard : input.shards()) {
      Long cluster = shard.now("cluster_enabled");
      String role = shard.current().getString("role");
      if (cluster != null && cluster == 1 || role == null) {
        return List.of();
      }
      if (role.equals("master")) {
        masters.add(shard.id());
      }
    }
    if (masters.size() == 1) {
      return List.of();
    }
    String message =
        masters.isEmpty()
            ? "no master among the "
                + input.shards().size()
                + " reachable shards: check failover (Sentinel, operator) and the old master"
            : masters.size()
                + " masters ("
                + String.join(", ", masters)
                + "): make all but one a replica (REPLICAOF), or split them into components";
    return List.of(new Finding(null, message));
  }
}
