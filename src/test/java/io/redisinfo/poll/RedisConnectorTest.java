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
}
