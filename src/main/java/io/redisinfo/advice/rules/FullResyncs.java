package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** {@code sync_full} grew on a master since the last poll. */
public final class FullResyncs implements ShardRule {
  public static final String NAME = "full-resyncs";

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
    return Set.of("sync_full");
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("sync_full");
  }

  @Override
  public String why() {
    return "a full resync forks the master, copies the whole data set and stalls the replica";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long full = shard.delta("sync_full");
    if (full == null || full == 0) {
      return null;
    }
    return full
        + " full resyncs since the last poll: raise repl-backlog-size so reconnecting replicas can"
        + " catch up partially, and look for flapping replica links";
  }
}
