package io.redisinfo.advice;

import java.util.ArrayList;
import java.util.List;

/** A rule that judges each shard on its own: at most one finding per shard. */
public interface ShardRule extends Rule {
  /** The message for this shard, or null when it is fine (or the fields are missing). */
  String checkShard(ShardInfo shard, RuleInput input);

  @Override
  default List<Finding> check(RuleInput input) {
    // Runs for every rule on every poll: no iterator, and no list unless something is found.
    List<ShardInfo> shards = input.shards();
    List<Finding> found = null;
    for (int i = 0; i < shards.size(); i++) {
      ShardInfo shard = shards.get(i);
      String message = checkShard(shard, input);
      if (message != null) {
        if (found == null) {
          found = new ArrayList<>(shards.size());
        }
        found.add(new Finding(shard.id(), message));
      }
    }
    return found == null ? List.of() : found;
  }
}
