package io.redisinfo.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redisinfo.info.InfoSummary;
import io.redisinfo.poll.AdaptivePoller;
import io.redisinfo.poll.PollObserver;
import io.redisinfo.poll.PollerOptions;
import io.redisinfo.shard.PollingRange;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSpec;
import io.redisinfo.testing.RedisBinaries;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The poller against real servers of every version we can run here: each one's summary fills with
 * what its INFO has (README, "Redis versions"). Redis 2.8 answers {@code INFO everything} with
 * nothing, so this also proves the fallback to {@code INFO all}.
 */
class RedisVersionsTest {
  @RegisterExtension final RedisServers redis = RedisServers.perTest();

  private final ShardRegistry registry = new ShardRegistry(Duration.ofMillis(100));
  private AdaptivePoller poller;

  @AfterEach
  void stop() {
    if (poller != null) {
      poller.close();
    }
  }

  @ParameterizedTest
  @EnumSource(RedisBinaries.class)
  void theSummaryFillsOnEveryVersion(RedisBinaries binary) {
    RedisServer server = redis.start(binary);
    server.command("SET", "k1", "v");
    server.command("SET", "k2", "v", "EX", "300");
    server.command("GET", "k1");
    server.command("GET", "missing");
    poller =
        new AdaptivePoller(
            registry,
            PollerOptions.builder()
                .range(new PollingRange(Duration.ofMillis(100), Duration.ofMillis(300)))
                .timeout(Duration.ofSeconds(2))
                .build(),
            PollObserver.NONE);
    poller.start();
    registry.put("test", ShardSpec.of("s", ShardAddress.parse(server.address())));
    Shard shard = registry.get("s").orElseThrow();

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              InfoSummary summary = shard.snapshot().summary();
              assertThat(summary).isNotNull();
              assertThat(summary.keys()).isEqualTo(2L);
            });
    InfoSummary summary = shard.snapshot().summary();
    if (binary.version() != null) {
      assertThat(summary.version()).isEqualTo(binary.version());
    }
    assertThat(summary.role()).isEqualTo("master");
    assertThat(summary.uptimeSeconds()).isNotNull();
    assertThat(summary.usedMemory()).isPositive();
    if (binary == RedisBinaries.REDIS_2_8_19) {
      // maxmemory is in INFO from 3.2 on: unknown, not guessed.
      assertThat(summary.maxMemory()).isNull();
    } else {
      assertThat(summary.maxMemory()).isZero();
    }
    assertThat(summary.connectedClients()).isPositive();
    assertThat(summary.blockedClients()).isZero();
    assertThat(summary.hitRatio()).isEqualTo(0.5);
    assertThat(summary.evictedKeys()).isZero();
    assertThat(summary.rejectedConnections()).isZero();
    assertThat(summary.connectedSlaves()).isZero();
    assertThat(summary.rdbLastBgsaveStatus()).isEqualTo("ok");
    assertThat(summary.aofLastWriteStatus()).isEqualTo("ok");
    assertThat(summary.loading()).isFalse();
    // Command statistics come with INFO everything and INFO all, not with plain INFO.
    assertThat(shard.snapshot().info().getString("cmdstat_get")).contains("calls=2");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(shard.snapshot().summary().opsPerSec()).isNotNull());
  }
}
