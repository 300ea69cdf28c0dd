package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** {@code blocked_clients} at or above the threshold and not falling, where nothing should wait. */
public final class BlockedClients implements ShardRule {
  public static final String NAME = "blocked-clients";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> previousKeys() {
    return Set.of("blocked_clients");
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("blocked_clients");
  }

  @Override
  public String why() {
    return "clients blocked on BLPOP, WAIT and the like hold connections and threads in the"
        + " application, unusual outside a queue";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    Long now = shard.now("blocked_clients");
    Long before = shard.previous() == null ? null : shard.previous().getLong("blocked_clients");
    if (now == null
        || before == null
        || now < before
        || now < input.thresholds().blockedClients()) {
      return null;
    }
    return now
        + " clients blocked (was "
        + before
        + "): find who waits (CLIENT LIST flags=b), add timeouts to blocking commands, or declare"
        + " the component a queue";
  }
}
