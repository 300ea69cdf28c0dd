package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A master's {@code slaveN} line with {@code lag} (seconds since the replica's last ack) high. */
public final class ReplicaLag implements ShardRule {
  public static final String NAME = "replica-lag";

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
    return "a lagging replica serves stale reads and loses the lagged writes if it takes over";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Map<String, Object> replication = shard.current().sections().get("replication");
    Long replicas = shard.now("connected_slaves");
    if (replication == null || (replicas != null && replicas == 0)) {
      return null; // no slaveN lines to walk (most servers)
    }
    // A loop, not forEach with a lambda: C1 code creates a capturing lambda through a method
    // handle, and this runs after every poll.
    List<String> lagging = null;
    long limit = input.thresholds().replicaLagSeconds();
    for (Map.Entry<String, Object> e : replication.entrySet()) {
      if (e.getKey().startsWith("slave")
          && e.getValue() instanceof Map<?, ?> fields
          && fields.get("lag") instanceof Number lag
          && lag.longValue() > limit) {
        lagging = lagging == null ? new ArrayList<>(1) : lagging;
        lagging.add(fields.get("ip") + ":" + fields.get("port") + " (" + lag + " s)");
      }
    }
    if (lagging == null) {
      return null;
    }
    return "replicas lag behind: "
        + String.join(", ", lagging)
        + "; check their network, load and client-output-buffer-limit replica";
  }
}
