package io.redisinfo.poll;

import io.redisinfo.shard.Shard;
import java.time.Duration;

/** Told of every finished poll (for metrics). Must be quick and must not throw. */
public interface PollObserver {
  PollObserver NONE = (shard, error, duration) -> {};

  /**
   * @param shard the shard, its new snapshot already published
   * @param error why the poll failed (unwrapped), or null when it succeeded
   */
  void onPoll(Shard shard, Throwable error, Duration duration);
}
