package io.redisinfo.advice;

import io.redisinfo.component.Component;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.ComponentSpec;
import io.redisinfo.component.Endpoint;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.component.Purpose;
import io.redisinfo.poll.AdaptivePoller;
import io.redisinfo.poll.PollerOptions;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.PollingRange;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSpec;
import io.redisinfo.testing.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real polling of real servers into an {@link AdvisoryTracker}: components declared here, shards
 * polled every 50-100 ms, every start and clear recorded as {@code "start component rule severity
 * shard"} / {@code "clear ..."}.
 */
final class AdvisedFleet implements AutoCloseable {
  final ShardRegistry shards = new ShardRegistry(Duration.ofMillis(50));
  final ComponentRegistry components = new ComponentRegistry();
  final AdvisoryTracker tracker;
  final List<String> events = new CopyOnWriteArrayList<>();
  private final AdaptivePoller poller;

  AdvisedFleet(Hysteresis hysteresis, AdvisorySettings settings) {
    tracker =
        new AdvisoryTracker(
                components,
                shards,
                new AdvisoryEvaluator(),
                hysteresis,
                Clock.systemUTC(),
                c -> settings)
            .attach();
    tracker.addListener(
        new AdvisoryListener() {
          @Override
          public void onStarted(String component, Advisory a) {
            events.add(line("start", component, a));
          }

          @Override
          public void onCleared(String component, Advisory a) {
            events.add(line("clear", component, a));
          }
        });
    poller =
        new AdaptivePoller(
            shards,
            PollerOptions.builder()
                .range(new PollingRange(Duration.ofMillis(50), Duration.ofMillis(100)))
                .timeout(Duration.ofSeconds(1))
                .build(),
            tracker);
    poller.start();
  }

  AdvisedFleet() {
    this(Hysteresis.DEFAULT, AdvisorySettings.DEFAULTS);
  }

  private static String line(String what, String component, Advisory a) {
    return what + " " + component + " " + a.rule() + " " + a.severity() + " " + a.shard();
  }

  /** Declares {@code shop/name} with the servers as its shards {@code shop/name-0, -1, ...}. */
  String component(String name, Purpose purpose, RedisServer... servers) {
    ComponentSpec spec =
        new ComponentSpec(
            purpose,
            new Endpoint("127.0.0.1", servers[0].port()),
            null,
            6379,
            0,
            false,
            null,
            null,
            null,
            Map.of());
    Component component = new Component("shop", name, spec, 1);
    components.put("test", new ParsedComponent("shop", name, component, List.of()));
    List<ShardSpec> specs = new ArrayList<>();
    for (int i = 0; i < servers.length; i++) {
      specs.add(
          new ShardSpec(
              shardId(name, i),
              ShardAddress.parse(servers[i].address()),
              component.key(),
              null,
              Credentials.NONE,
              false,
              null));
    }
    for (ShardSpec s : specs) {
      shards.put("test", s);
    }
    return component.key();
  }

  static String shardId(String component, int index) {
    return "shop/" + component + "-" + index;
  }

  /** Polls of a shard so far. */
  long polls(String shardId) {
    return shards.get(shardId).map(s -> s.snapshot().polls()).orElse(0L);
  }

  List<String> rules(String component) {
    return tracker.advisories(component).stream().map(Advisory::rule).toList();
  }

  @Override
  public void close() {
    poller.close();
  }
}
