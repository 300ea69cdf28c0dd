package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;
import java.util.Set;

/** {@code cmdstat_keys} calls grew since the last poll: someone runs KEYS. */
public final class KeysCommand implements ShardRule {
  public static final String NAME = "keys-command";

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
    return Set.of("cmdstat_keys");
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("#commandstats");
  }

  @Override
  public String why() {
    return "KEYS walks the whole keyspace in one go and blocks every other client meanwhile";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    if (shard.previous() == null) {
      return null;
    }
    Long now = InfoFields.commandCalls(shard.current(), "cmdstat_keys");
    Long before = InfoFields.commandCalls(shard.previous(), "cmdstat_keys");
    if (now == null || before == null || now <= before) {
      return null;
    }
    return (now - before)
        + " KEYS calls since the last poll: use SCAN in the application (and rename-command KEYS"
        + " \"\" to forbid it)";
  }
}
