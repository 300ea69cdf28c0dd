package io.redisinfo.poll;

import io.redisinfo.shard.Shard;
import java.time.Duration;

/** Told of every finished poll (for metrics). Must be quick and must not throw. */
public interface PollObserver {
  PollObserver NONE = (shard, succeeded, duration) -> {};

  void onPoll(Shard shard, boolean succeeded, Duration duration);
}
