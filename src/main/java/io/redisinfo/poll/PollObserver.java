package io.redisinfo.poll;

import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.Shard;
import java.time.Duration;

/** Told of every finished poll (for metrics). Must be quick and must not throw. */
public interface PollObserver {
  PollObserver NONE = (shard, failure, duration) -> {};

  /**
   * @param shard the shard, its new snapshot already published
   * @param failure why the poll failed, or null when it succeeded
   */
  void onPoll(Shard shard, FailureKind failure, Duration duration);
}
