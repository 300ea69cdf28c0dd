package io.redisinfo.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FirstSweepTest {
  private final ShardRegistry shards = new ShardRegistry(Duration.ofSeconds(1));
  private final FirstSweep sweep = new FirstSweep(shards, Instant.now());

  @Test
  void endsOnceEveryShardKnownAtStartHasBeenPolledAfterArming() {
    shards.put("test", ShardSpec.of("a", new ShardAddress("127.0.0.1", 1)));
    poll("a", null);
    // Not armed: the mode is still registering, one polled shard is not a sweep.
    assertThat(sweep.done()).isFalse();

    shards.put("test", ShardSpec.of("b", new ShardAddress("127.0.0.1", 2)));
    sweep.arm();
    assertThat(sweep.done()).isFalse();

    poll("b", FailureKind.TIMEOUT);
    assertThat(sweep.done()).isTrue();

    // It stays done when a new shard arrives later.
    shards.put("test", ShardSpec.of("c", new ShardAddress("127.0.0.1", 3)));
    assertThat(sweep.done()).isTrue();
  }

  private void poll(String id, FailureKind failure) {
    Shard shard = shards.get(id).orElseThrow();
    ShardSnapshot before = shard.snapshot();
    shard.publish(
        new ShardSnapshot(
            null,
            null,
            0,
            0,
            failure == null,
            failure == null ? null : "failed",
            Duration.ofSeconds(1),
            before.polls() + 1,
            before.failures() + (failure == null ? 0 : 1),
            failure));
    sweep.onPoll(shard, failure, Duration.ofMillis(1));
  }
}
