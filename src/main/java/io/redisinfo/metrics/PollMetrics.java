package io.redisinfo.metrics;

import java.time.Duration;

/** What the poller reports after every poll. */
public interface PollMetrics {
  PollMetrics NONE = (shardId, outcome, duration) -> {};

  /**
   * @param shardId the shard polled; not a label (the per-shard series carry shard labels), kept
   *     for implementations that log or sample
   * @param duration from sending INFO to having its reply, or to the failure
   */
  void recordPoll(String shardId, PollOutcome outcome, Duration duration);
}
