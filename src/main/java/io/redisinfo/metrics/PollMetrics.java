package io.redisinfo.metrics;

import io.redisinfo.shard.FailureKind;
import java.time.Duration;

/** What the poller reports after every poll. */
public interface PollMetrics {
  PollMetrics NONE = (shardId, failure, duration) -> {};

  /**
   * @param shardId the shard polled; not a label (the per-shard series carry shard labels), kept
   *     for implementations that log or sample
   * @param failure why the poll failed, or null when it succeeded (outcome {@code ok})
   * @param duration from sending INFO to having its reply, or to the failure
   */
  void recordPoll(String shardId, FailureKind failure, Duration duration);
}
