package io.redisinfo.advice.rules;

import io.redisinfo.advice.Finding;
import io.redisinfo.advice.Rule;
import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import java.util.List;
import java.util.Set;

/**
 * In a component of several shards with one master, the master sees fewer connected replicas
 * ({@code connected_slaves}) than the component has other shards: some replica is lost.
 */
public final class ReplicasMissing implements Rule {
  public static final String NAME = "replicas-missing";

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
    return "each lost replica is one copy fewer and one failover candidate fewer";
  }

  @Override
  public List<Finding> check(RuleInput input) {
    if (input.shardCount() < 2) {
      return List.of();
    }
    ShardInfo master = null;
    for (ShardInfo shard : input.shards()) {
      if ("master".equals(shard.current().getString("role"))) {
        if (master != null) {
          return List.of(); // several masters: MasterCount says so
        }
        master = shard;
      }
    }
    if (master == null || master.now("connected_slaves") == null) {
      return List.of();
    }
    long connected = master.now("connected_slaves");
    int expected = input.shardCount() - 1;
    if (connected >= expected) {
      return List.of();
    }
    return List.of(
        new Finding(
            master.id(),
            "the master has "
                + connected
                + " connected replicas, the component "
                + expected
                + " other shards: check the missing replicas' replication link and logs"));
  }
}
