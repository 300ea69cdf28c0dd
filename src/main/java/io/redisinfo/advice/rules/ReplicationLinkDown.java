package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;

/** A replica whose {@code master_link_status} is {@code down}. */
public final class ReplicationLinkDown implements ShardRule {
  public static final String NAME = "replication-link-down";

  @Override
  public String name() {
    return NAME;
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
    String master =
        shard.current().getString("master_host") + ":" + shard.current().getString("master_port");
    Long since = shard.now("master_link_down_since_seconds");
    return "replication link to "
        + master
        + " is down"
        + (since == null ? "" : " for " + since + " s")
        + ": check that the master is up and reachable, and masterauth";
  }
}
