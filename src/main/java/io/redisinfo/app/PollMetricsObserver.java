package io.redisinfo.app;

import io.lettuce.core.RedisCommandTimeoutException;
import io.redisinfo.component.status.ComponentStatusAggregator;
import io.redisinfo.metrics.PollMetrics;
import io.redisinfo.metrics.PollOutcome;
import io.redisinfo.poll.PollObserver;
import io.redisinfo.shard.Shard;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Counts every poll in {@code redisinfo_polls_total{outcome}} and its duration histogram. */
final class PollMetricsObserver implements PollObserver {
  private final PollMetrics metrics;

  PollMetricsObserver(PollMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void onPoll(Shard shard, Throwable error, Duration duration) {
    metrics.recordPoll(shard.id(), outcome(shard, error), duration);
  }

  private static PollOutcome outcome(Shard shard, Throwable error) {
    if (error == null) {
      return PollOutcome.OK;
    }
    if (error instanceof RedisCommandTimeoutException || error instanceof TimeoutException) {
      return PollOutcome.TIMEOUT;
    }
    if (ComponentStatusAggregator.isAuthError(shard.snapshot().lastError())) {
      return PollOutcome.AUTH_FAILED;
    }
    return PollOutcome.ERROR;
  }
}
