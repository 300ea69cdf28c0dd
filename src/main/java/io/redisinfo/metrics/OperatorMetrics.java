package io.redisinfo.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.ShardRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The operator's own metrics: {@code redisinfo_polls_total{outcome}}, {@code
 * redisinfo_poll_duration_seconds} (histogram), {@code redisinfo_shards} and {@code
 * redisinfo_status_writes_total{outcome}} ({@code redisinfo_poll_interval_seconds} is per shard, in
 * {@link RedisShardCollector}). Every meter is created up front: recording allocates nothing.
 */
public final class OperatorMetrics implements PollMetrics, StatusWriteMetrics {
  /** Histogram buckets from a fast local INFO to the longest sensible timeout. */
  private static final Duration[] POLL_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final Counter pollsOk;
  private final Map<FailureKind, Counter> pollsFailed = new EnumMap<>(FailureKind.class);
  private final Timer pollDuration;
  private final Counter statusWritesOk;
  private final Counter statusWritesFailed;

  public OperatorMetrics(MeterRegistry registry, ShardRegistry shards) {
    // Every outcome is registered up front, so rate() and absent() see a 0 before the first one.
    pollsOk = polls(registry, "ok");
    for (FailureKind kind : FailureKind.values()) {
      pollsFailed.put(kind, polls(registry, kind.label()));
    }
    pollDuration =
        Timer.builder("redisinfo.poll.duration")
            .description("Time an INFO poll took, failures included")
            .serviceLevelObjectives(POLL_BUCKETS)
            .register(registry);
    Gauge.builder("redisinfo.shards", shards, ShardRegistry::size)
        .description("Shards tracked")
        .register(registry);
    statusWritesOk = statusWrites(registry, "ok");
    statusWritesFailed = statusWrites(registry, "error");
  }

  private static Counter polls(MeterRegistry registry, String outcome) {
    return Counter.builder("redisinfo.polls")
        .description("INFO polls by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  private static Counter statusWrites(MeterRegistry registry, String outcome) {
    return Counter.builder("redisinfo.status.writes")
        .description("Writes of RedisComponent status by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void recordPoll(String shardId, FailureKind failure, Duration duration) {
    (failure == null ? pollsOk : pollsFailed.get(failure)).increment();
    pollDuration.record(duration);
  }

  @Override
  public void recordStatusWrite(boolean success) {
    (success ? statusWritesOk : statusWritesFailed).increment();
  }
}
