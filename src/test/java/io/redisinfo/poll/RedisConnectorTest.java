package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisConnectorTest {
  @Test
  void doesNotRecordCommandLatencies() {
    // Lettuce's default recorder keeps HdrHistograms per connection and command type: hundreds of
    // KB per shard (docs/BENCHMARKS.md).
    try (RedisConnector connector = new RedisConnector(Duration.ofSeconds(1))) {
      assertThat(connector.resources().commandLatencyRecorder().isEnabled()).isFalse();
      assertThat(connector.resources().commandLatencyPublisherOptions().eventEmitInterval())
          .isZero();
    }
  }

  @Test
  void warmingUpContactsNoServerAndGivesUpQuickly() throws Exception {
    try (RedisConnector connector = new RedisConnector(Duration.ofSeconds(30))) {
      // Far within the 30 s connect and command timeouts: the silent socket is closed at once,
      // so the attempt fails on its own instead of waiting for a reply.
      assertThat(connector.warmUp().get(10, java.util.concurrent.TimeUnit.SECONDS)).isNull();
    }
  }
}
