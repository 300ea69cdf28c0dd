package io.redisinfo.component.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ComponentStatusTrackerTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final ComponentRegistry components = new ComponentRegistry();
  private final ShardRegistry shards = new ShardRegistry(Duration.ofSeconds(1));
  private final ComponentStatusTracker tracker =
      new ComponentStatusTracker(components, shards, new ComponentStatusAggregator(clock));

  @Test
  void transitionTimeMovesOnlyWhenTheStatusChanges() {
    components.addListener(tracker);
    components.put("test", ComponentStatusAggregatorTest.selectorComponent(1));
    assertThat(tracker.get("shop/sessions").orElseThrow().status().readyCondition().reason())
        .isEqualTo("NoShards");

    now.set(T0.plusSeconds(10));
    shards.put(
        "k8s",
        new ShardSpec(
            "shop/redis-0",
            new ShardAddress("10.0.0.1", 6379),
            "shop/sessions",
            "shop/redis-0",
            null,
            false,
            null));
    shards
        .get("shop/redis-0")
        .orElseThrow()
        .publish(
            new ShardSnapshot(null, null, 0, 0, false, "refused", Duration.ofSeconds(1), 1, 1));
    ComponentCondition unreachable =
        tracker.get("shop/sessions").orElseThrow().status().readyCondition();
    assertThat(unreachable.reason()).isEqualTo("Unreachable");
    assertThat(unreachable.lastTransitionTime()).isEqualTo(T0);

    now.set(T0.plusSeconds(20));
    shards
        .get("shop/redis-0")
        .orElseThrow()
        .publish(
            new ShardSnapshot(
                io.redisinfo.info.Info.empty(),
                ComponentStatusAggregatorTest.summary("master", 1, 1),
                1,
                1,
                true,
                null,
                Duration.ofSeconds(1),
                2,
                1));
    ComponentCondition ready = tracker.all().get(0).status().readyCondition();
    assertThat(ready.status()).isEqualTo("True");
    assertThat(ready.lastTransitionTime()).isEqualTo(T0.plusSeconds(20));

    components.remove("test", "shop/sessions");
    assertThat(tracker.get("shop/sessions")).isEmpty();
    components.put("test", ComponentStatusAggregatorTest.selectorComponent(1));
    now.set(T0.plusSeconds(30));
    assertThat(
            tracker
                .get("shop/sessions")
                .orElseThrow()
                .status()
                .readyCondition()
                .lastTransitionTime())
        .as("a re-created component starts afresh")
        .isEqualTo(T0.plusSeconds(30));
  }
}
