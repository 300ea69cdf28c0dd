package io.redisinfo.component.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.component.Component;
import io.redisinfo.component.ComponentSpec;
import io.redisinfo.component.Endpoint;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.component.PodSelector;
import io.redisinfo.component.Purpose;
import io.redisinfo.info.Info;
import io.redisinfo.info.InfoSummary;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ComponentStatusAggregatorTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final String KEY = "shop/sessions";

  private final ShardRegistry shards = new ShardRegistry(Duration.ofSeconds(1));
  private final ComponentStatusAggregator aggregator =
      new ComponentStatusAggregator(Clock.fixed(T0, ZoneOffset.UTC));

  static ParsedComponent selectorComponent(long generation) {
    ComponentSpec spec =
        new ComponentSpec(
            Purpose.SESSION,
            null,
            new PodSelector(Map.of("app", "redis-sessions"), List.of()),
            6379,
            0,
            false,
            null,
            null,
            null,
            Map.of());
    return new ParsedComponent(
        "shop", "sessions", new Component("shop", "sessions", spec, generation), List.of());
  }

  static InfoSummary summary(String role, long usedMemory, double ops) {
    return new InfoSummary(
        role,
        "7.2.4",
        100L,
        usedMemory,
        1_000_000L,
        ops,
        12L,
        0L,
        42L,
        0.75,
        3L,
        5L,
        0L,
        1L,
        "slave".equals(role) ? "up" : null,
        0L,
        "ok",
        "ok",
        false);
  }

  private void addPod(String pod, String ip) {
    shards.put(
        "k8s",
        new ShardSpec(
            "shop/" + pod, new ShardAddress(ip, 6379), KEY, "shop/" + pod, null, false, null));
  }

  private void publish(String pod, InfoSummary summary, long atMillis, Duration interval) {
    shards
        .get("shop/" + pod)
        .orElseThrow()
        .publish(
            new ShardSnapshot(
                Info.of(Map.of("server", Map.of("redis_version", "7.2.4")), 0),
                summary,
                1,
                atMillis,
                true,
                null,
                interval,
                1,
                0));
  }

  private void fail(String pod, String error) {
    fail(pod, error, FailureKind.REFUSED);
  }

  private void fail(String pod, String error, FailureKind kind) {
    shards
        .get("shop/" + pod)
        .orElseThrow()
        .publish(
            new ShardSnapshot(null, null, 0, 0, false, error, Duration.ofSeconds(2), 3, 3, kind));
  }

  @Test
  void primaryIsTheMasterAndFiguresAreItsOwn() {
    addPod("redis-0", "10.0.0.1");
    addPod("redis-1", "10.0.0.2");
    addPod("redis-2", "10.0.0.3");
    publish("redis-0", summary("slave", 100, 1), 1000, Duration.ofSeconds(5));
    publish("redis-1", summary("master", 500, 250.0), 2000, Duration.ofSeconds(1));
    fail("redis-2", "connection refused");

    ComponentStatus status = aggregator.aggregate(selectorComponent(3), shards.all(), List.of());

    assertThat(status.primaryAddress()).isEqualTo("10.0.0.2:6379");
    assertThat(status.role()).isEqualTo("master");
    assertThat(status.usedMemory()).isEqualTo(500);
    assertThat(status.opsPerSec()).isEqualTo(250.0);
    assertThat(status.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(status.lastPollTime()).isEqualTo(Instant.ofEpochMilli(2000));
    assertThat(status.ready()).isEqualTo("2/3");
    assertThat(status.observedGeneration()).isEqualTo(3);
    assertThat(status.shards())
        .extracting(ShardStatus::id, ShardStatus::role, ShardStatus::reachable)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("shop/redis-0", "slave", true),
            org.assertj.core.groups.Tuple.tuple("shop/redis-1", "master", true),
            org.assertj.core.groups.Tuple.tuple("shop/redis-2", null, false));
    assertThat(status.shards().get(2).lastError()).isEqualTo("connection refused");
    assertThat(status.shards().get(0).pod()).isEqualTo("shop/redis-0");
    ComponentCondition ready = status.readyCondition();
    assertThat(ready.status()).isEqualTo("True");
    assertThat(ready.reason()).isEqualTo("Ready");
    assertThat(ready.observedGeneration()).isEqualTo(3);
    assertThat(ready.lastTransitionTime()).isEqualTo(T0);
  }

  @Test
  void withoutMasterThePrimaryIsTheFirstReachable() {
    addPod("redis-0", "10.0.0.1");
    addPod("redis-1", "10.0.0.2");
    fail("redis-0", "timeout");
    publish("redis-1", summary("slave", 100, 1), 1000, Duration.ofSeconds(5));

    ComponentStatus status = aggregator.aggregate(selectorComponent(1), shards.all(), List.of());

    assertThat(status.primaryAddress()).isEqualTo("10.0.0.2:6379");
    assertThat(status.masterLinkStatus()).isEqualTo("up");
  }

  @Test
  void shardsOfOtherComponentsAreIgnored() {
    addPod("redis-0", "10.0.0.1");
    shards.put("adhoc", ShardSpec.of("other", new ShardAddress("10.9.9.9", 6379)));

    ComponentStatus status = aggregator.aggregate(selectorComponent(1), shards.all(), List.of());

    assertThat(status.totalShards()).isEqualTo(1);
    assertThat(status.shards()).extracting(ShardStatus::id).containsExactly("shop/redis-0");
  }

  @Test
  void invalidSpecReportsEveryProblem() {
    ParsedComponent invalid =
        new ParsedComponent(
            "shop", "broken", null, List.of("spec.endpoint.host is missing", "bad purpose"));

    ComponentStatus status = aggregator.aggregate(invalid, 7, shards.all(), List.of());

    ComponentCondition ready = status.readyCondition();
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.reason()).isEqualTo("InvalidSpec");
    assertThat(ready.message()).isEqualTo("spec.endpoint.host is missing; bad purpose");
    assertThat(ready.observedGeneration()).isEqualTo(7);
    assertThat(status.primaryAddress()).isNull();
    assertThat(status.ready()).isEqualTo("0/0");
  }

  @Test
  void aPollCompletingWhileTheStatusIsJudgedIsSeenWholeOrNotAtAll() throws Exception {
    addPod("redis-0", "10.0.0.1");
    Shard shard = shards.get("shop/redis-0").orElseThrow();
    ShardSnapshot before = ShardSnapshot.initial(Duration.ofSeconds(1));
    ShardSnapshot answered =
        new ShardSnapshot(
            Info.of(Map.of("server", Map.of("redis_version", "7.2.4")), 0),
            summary("master", 100, 1),
            1,
            1000,
            true,
            null,
            Duration.ofSeconds(1),
            1,
            0);
    // First polls completing over and over (as if restarting), while the status is judged.
    AtomicBoolean stop = new AtomicBoolean();
    Thread polls =
        new Thread(
            () -> {
              while (!stop.get()) {
                shard.publish(before);
                shard.publish(answered);
              }
            });
    polls.start();
    try {
      for (int i = 0; i < 200_000; i++) {
        ComponentCondition ready =
            aggregator.aggregate(selectorComponent(1), shards.all(), List.of()).readyCondition();
        // Unknown before the first answer, True after it: never False, no shard failed.
        assertThat(ready.status()).as("judgement %d: %s", i, ready).isNotEqualTo("False");
      }
    } finally {
      stop.set(true);
      polls.join();
    }
  }

  @Test
  void noShardsMeansTheSelectorMatchedNothing() {
    ComponentCondition ready =
        aggregator.aggregate(selectorComponent(1), shards.all(), List.of()).readyCondition();

    assertThat(ready.reason()).isEqualTo("NoShards");
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.message()).contains("selector matched no running pod");
  }

  @Test
  void beforeTheFirstPollTheStatusIsUnknown() {
    addPod("redis-0", "10.0.0.1");

    ComponentCondition ready =
        aggregator.aggregate(selectorComponent(1), shards.all(), List.of()).readyCondition();

    assertThat(ready.status()).isEqualTo("Unknown");
    assertThat(ready.reason()).isEqualTo("Polling");
  }

  @Test
  void unreachableCarriesTheLastError() {
    addPod("redis-0", "10.0.0.1");
    fail("redis-0", "Connection refused: /10.0.0.1:6379");

    ComponentCondition ready =
        aggregator.aggregate(selectorComponent(1), shards.all(), List.of()).readyCondition();

    assertThat(ready.reason()).isEqualTo("Unreachable");
    assertThat(ready.message()).contains("Connection refused: /10.0.0.1:6379");
  }

  @Test
  void refusedCredentialsAreAuthFailed() {
    addPod("redis-0", "10.0.0.1");
    addPod("redis-1", "10.0.0.2");
    fail("redis-0", "timeout after 2s", FailureKind.TIMEOUT);
    fail(
        "redis-1",
        "WRONGPASS invalid username-password pair or user is disabled.",
        FailureKind.AUTH);

    ComponentCondition ready =
        aggregator.aggregate(selectorComponent(1), shards.all(), List.of()).readyCondition();

    assertThat(ready.reason()).isEqualTo("AuthFailed");
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.message()).contains("shop/redis-1").contains("WRONGPASS");
  }

  @Test
  void theReasonIsTheKindTheShardsFailedWithNotTheirText() {
    addPod("redis-0", "10.0.0.1");
    addPod("redis-1", "10.0.0.2");
    // Text that looks like an auth error, but the poller decided it was a refused connection.
    fail("redis-0", "Connection refused: /10.0.0.1:6379 WRONGPASS", FailureKind.REFUSED);
    fail("redis-1", "TLS handshake with 10.0.0.2:6379 failed: PKIX", FailureKind.TLS);

    ComponentCondition ready =
        aggregator.aggregate(selectorComponent(1), shards.all(), List.of()).readyCondition();

    assertThat(ready.reason()).isEqualTo("TlsFailed");
    assertThat(ready.message()).startsWith("shop/redis-1: TLS handshake");
  }

  @Test
  void reachableWithoutSummaryIsInfoUnavailable() {
    addPod("redis-0", "10.0.0.1");
    publish("redis-0", null, 1000, Duration.ofSeconds(1));

    ComponentCondition ready =
        aggregator.aggregate(selectorComponent(1), shards.all(), List.of()).readyCondition();

    assertThat(ready.reason()).isEqualTo("InfoUnavailable");
  }

  @Test
  void transitionTimeIsKeptWhileTheStatusStaysTheSame() {
    addPod("redis-0", "10.0.0.1");
    publish("redis-0", summary("master", 100, 1), 1000, Duration.ofSeconds(1));
    Instant earlier = Instant.parse("2024-06-01T00:00:00Z");
    List<ComponentCondition> previous =
        List.of(new ComponentCondition("Ready", "True", "Ready", "old message", earlier, 1));

    ComponentCondition ready =
        aggregator.aggregate(selectorComponent(2), shards.all(), previous).readyCondition();

    assertThat(ready.lastTransitionTime()).isEqualTo(earlier);
    assertThat(ready.message()).isNotEqualTo("old message");
    assertThat(ready.observedGeneration()).isEqualTo(2);

    fail("redis-0", "timeout");
    ComponentCondition down =
        aggregator.aggregate(selectorComponent(2), shards.all(), previous).readyCondition();
    assertThat(down.lastTransitionTime()).isEqualTo(T0);
  }

  @Test
  void endpointComponentWithoutShardSaysSo() {
    ComponentSpec spec =
        new ComponentSpec(
            Purpose.CACHE,
            new Endpoint("redis.example", 6379),
            null,
            6379,
            0,
            false,
            null,
            null,
            null,
            Map.of());
    ParsedComponent c =
        new ParsedComponent("shop", "cache", new Component("shop", "cache", spec, 1), List.of());

    assertThat(aggregator.aggregate(c, shards.all(), List.of()).readyCondition().message())
        .contains("endpoint");
  }
}
