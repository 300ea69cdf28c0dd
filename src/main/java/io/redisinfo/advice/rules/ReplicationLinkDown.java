package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/**
 * A replica whose {@code master_link_status} has been {@code down} for longer than {@code
 * replicaLagSeconds} ({@code master_link_down_since_seconds}, or the uptime while the link was
 * never up).
 */
public final class ReplicationLinkDown implements ShardRule {
  public static final String NAME = "replication-link-down";

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
    return "a replica with a broken link serves ever older data and cannot take over safely";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    if (!"slave".equals(shard.current().getString("role"))
        || !"down".equals(shard.current().getString("master_link_status"))) {
      return null;
    }
    // -1: never up since the replica started (first sync, or a master it never reached).
    Long down = shard.now("master_link_down_since_seconds");
    if (down == null || down < 0) {
      down = shard.now("uptime_in_seconds");
    }
    if (down == null || down < input.thresholds().replicaLagSeconds()) {
      return null; // a first sync or a reconnect in progress, not yet a broken link
    }
    String master =
        shard.current().getString("master_host") + ":" + shard.current().getString("master_port");
    return "replication link to "
        + master
        + " is down for "
        + down
        + " s: check that the master is up and reachable, and masterauth";
  }
}
