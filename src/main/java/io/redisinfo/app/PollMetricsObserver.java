package io.redisinfo.app;

import io.redisinfo.metrics.PollMetrics;
import io.redisinfo.poll.PollObserver;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.Shard;
import java.time.Duration;

/** Counts every poll in {@code redisinfo_polls_total{outcome}} and its duration histogram. */
final class PollMetricsObserver implements PollObserver {
  private final PollMetrics metrics;

  PollMetricsObserver(PollMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void onPoll(Shard shard, FailureKind failure, Duration duration) {
    metrics.recordPoll(shard.id(), failure, duration);
  }
}
