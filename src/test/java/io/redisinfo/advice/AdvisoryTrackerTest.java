package io.redisinfo.advice;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.component.Component;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.ComponentSpec;
import io.redisinfo.component.Endpoint;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.component.Purpose;
import io.redisinfo.info.InfoFixtures;
import io.redisinfo.info.InfoParser;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvisoryTrackerTest {
  private final ShardRegistry shards = new ShardRegistry(Duration.ofMillis(50));
  private final ComponentRegistry components = new ComponentRegistry();
  private final AdvisoryTracker tracker = new AdvisoryTracker(components, shards).attach();
  private final InfoParser parser = new InfoParser();
  private long polls;

  @Test
  void unknownRulesFollowTheKeysOfEachNewInfo() {
    ComponentSpec spec =
        new ComponentSpec(
            Purpose.QUEUE,
            new Endpoint("127.0.0.1", 6379),
            null,
            6379,
            0,
            false,
            null,
            null,
            null,
            Map.of());
    Component component = new Component("shop", "jobs", spec, 1);
    components.put("test", new ParsedComponent("shop", "jobs", component, List.of()));
    shards.put(
        "test",
        new ShardSpec(
            "shop/jobs-0",
            new ShardAddress("127.0.0.1", 6379),
            component.key(),
            null,
            Credentials.NONE,
            false,
            null));
    Shard shard = shards.get("shop/jobs-0").orElseThrow();
    String old = InfoFixtures.read("redis28-master.txt");
    String upgraded = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);

    poll(shard, old);
    assertThat(tracker.of("shop/jobs").unknownRules()).contains("no-maxmemory");
    poll(shard, old); // the same keys: what was worked out is kept
    assertThat(tracker.of("shop/jobs").unknownRules()).contains("no-maxmemory");
    poll(shard, upgraded);
    assertThat(tracker.of("shop/jobs").unknownRules()).isEmpty();
    poll(shard, upgraded);
    assertThat(tracker.of("shop/jobs").unknownRules()).isEmpty();
    poll(shard, old); // a failover to an old replica
    assertThat(tracker.of("shop/jobs").unknownRules()).contains("no-maxmemory");
  }

  private void poll(Shard shard, String reply) {
    polls++;
    shard.publish(
        new ShardSnapshot(
            parser.parse(reply),
            null,
            System.nanoTime(),
            System.currentTimeMillis(),
            true,
            null,
            Duration.ofSeconds(1),
            polls,
            0));
    tracker.onPoll(shard, null, Duration.ofMillis(1));
  }
}
