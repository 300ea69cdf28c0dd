package io.redisinfo.shard;

/**
 * Told of every change to the registry's set of shards, in order, on the thread that made it.
 * Implementations must be quick and must not call back into the registry's mutators.
 */
public interface ShardListener {
  void onAdded(Shard shard);

  /** The spec changed (address, credentials, polling range, component or pod). */
  void onUpdated(Shard shard, ShardSpec previous);

  void onRemoved(Shard shard);
}
