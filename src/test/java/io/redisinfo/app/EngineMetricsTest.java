package io.redisinfo.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redisinfo.poll.PollerOptions;
import io.redisinfo.shard.PollingRange;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardSpec;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The /metrics series of a real redis-server: redis_exporter's names, INFO's values, no leftovers.
 */
class EngineMetricsTest {
  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  private Engine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void metricsCarryTheServersInfoAndVanishWithTheShard() {
    RedisServer server = redis.start("maxmemory", "64mb");
    for (int i = 0; i < 5; i++) {
      server.command("SET", "k" + i, "v");
    }
    engine =
        Engine.start(
            PollerOptions.builder()
                .range(new PollingRange(Duration.ofMillis(100), Duration.ofMillis(200)))
                .build(),
            0,
            () -> true);
    engine.shards().put("test", ShardSpec.of("cache", ShardAddress.parse(server.address())));
    String labels =
        "address=\""
            + server.address()
            + "\",component=\"\",instance=\""
            + server.address()
            + "\",namespace=\"\",shard=\"cache\"";

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(engine.metrics().scrape())
                    .contains("redis_up{" + labels + "} 1.0")
                    .contains("redis_memory_max_bytes{" + labels + "} 6.7108864E7")
                    .containsPattern(
                        "redis_db_keys\\{[^}]*db=\"db0\"[^}]*shard=\"cache\"[^}]*} 5.0")
                    .contains("redis_connected_slaves{" + labels + "} 0.0")
                    .containsPattern("redis_instance_info\\{[^}]*redis_version=\"7\\.[^}]*} 1")
                    .containsPattern(
                        "redis_commands_total\\{[^}]*cmd=\"set\"[^}]*shard=\"cache\"[^}]*} 5.0")
                    .contains("redisinfo_polls_total{outcome=\"ok\"}"));

    engine.shards().remove("cache");
    assertThat(engine.metrics().scrape()).doesNotContain("shard=\"cache\"");
  }

  /**
   * A server that accepts the connection and never answers: the poller's timeout is counted as a
   * timeout (the handshake's timeout arrives wrapped in a connection exception, which once was
   * counted as "error" while lastError said timeout).
   */
  @Test
  void aServerThatNeverAnswersIsCountedAsTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      engine =
          Engine.start(
              PollerOptions.builder()
                  .range(new PollingRange(Duration.ofMillis(100), Duration.ofMillis(200)))
                  .timeout(Duration.ofMillis(300))
                  .build(),
              0,
              () -> true);
      engine
          .shards()
          .put(
              "test", ShardSpec.of("frozen", new ShardAddress("127.0.0.1", silent.getLocalPort())));

      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(engine.metrics().scrape())
                      .containsPattern("redisinfo_polls_total\\{outcome=\"timeout\"} [1-9]")
                      .contains("redisinfo_polls_total{outcome=\"error\"} 0.0"));
      assertThat(engine.shards().get("frozen").orElseThrow().snapshot().lastError())
          .contains("no answer");
    }
  }
}
