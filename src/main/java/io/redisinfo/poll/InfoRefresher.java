package io.redisinfo.poll;

import io.redisinfo.shard.ShardSnapshot;
import java.util.concurrent.CompletableFuture;

/** Takes a fresh INFO of one shard on demand (for {@code maxAgeMs}). */
public interface InfoRefresher {
  /**
   * Polls the shard now, or joins the poll already in flight for it: never more than one INFO is in
   * flight per shard. Completes with the snapshot published after that poll (which may carry an
   * error), or exceptionally when the shard is unknown or removed meanwhile.
   */
  CompletableFuture<ShardSnapshot> refresh(String shardId);
}
