package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** {@code rejected_connections} grew since the last poll. */
public final class RejectedConnections implements ShardRule {
  public static final String NAME = "rejected-connections";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean reportsEvents() {
    return true;
  }

  @Override
  public Set<String> previousKeys() {
    return Set.of("rejected_connections");
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("rejected_connections");
  }

  @Override
  public String why() {
    return "a rejected client gets an error instead of a connection: the application fails";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long rejected = shard.delta("rejected_connections");
    if (rejected == null || rejected == 0) {
      return null;
    }
    return rejected
        + " connections rejected since the last poll (maxclients reached): raise maxclients or"
        + " fix connection leaks and pool sizes in the application";
  }
}
