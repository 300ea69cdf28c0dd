package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** {@code connected_clients} above a share of {@code maxclients} (Redis 6.2+ reports it). */
public final class ClientsNearMax implements ShardRule {
  public static final String NAME = "clients-near-max";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("connected_clients", "maxclients");
  }

  @Override
  public String why() {
    return "once maxclients is reached new connections are refused";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long clients = shard.now("connected_clients");
    Long max = shard.now("maxclients");
    if (clients == null || max == null || max <= 0) {
      return null;
    }
    double ratio = (double) clients / max;
    if (ratio * 100 <= input.thresholds().clientsNearMaxPercent()) {
      return null;
    }
    return "connected_clients is "
        + clients
        + " of maxclients "
        + max
        + " ("
        + InfoFields.percent(ratio)
        + "): raise maxclients or shrink the application's connection pools";
  }
}
