package io.redisinfo.advice;

import java.util.ArrayList;
import java.util.List;

/** A rule that judges each shard on its own: at most one finding per shard. */
public interface ShardRule extends Rule {
  /** The message for this shard, or null when it is fine (or the fields are missing). */
  String checkShard(ShardInfo shard, RuleInput input);

  @Override
  default List<Finding> check(RuleInput input) {
    List<Finding> found = new ArrayList<>(0);
    for (ShardInfo shard : input.shards()) {
      String message = checkShard(shard, input);
      if (message != null) {
        found.add(new Finding(shard.id(), message));
      }
    }
    return found;
  }
}
