package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.redisinfo.testing.Load;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The status write policy under load, the API calls it costs, and leader election. */
class OperatorHaAndBudgetTest {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorHaAndBudgetTest.class);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String STATUS_PATH =
      "/apis/redisinfo.io/v1alpha1/namespaces/shop/rediscomponents/%s/status";

  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  private final OperatorFixture k8s = new OperatorFixture();

  @AfterEach
  void close() {
    k8s.close();
  }

  @Test
  void aBusyShardsStatusIsWrittenAtMostOncePerInterval() {
    Duration interval = Duration.ofSeconds(2);
    RedisServer server = redis.start();
    k8s.start(interval);
    k8s.component(
        """
        metadata: {name: busy}
        spec:
          endpoint: {host: 127.0.0.1, port: %d}
        """
            .formatted(server.port()));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(k8s.ready("busy")).extracting(Condition::getStatus).isEqualTo("True"));
    String path = STATUS_PATH.formatted("busy");
    try (Load load = Load.on(server)) {
      k8s.cluster.clearRequests();
      // ops/s, memory and keys keep changing: the status is due again and again, but only
      // once per interval, since the Ready condition stays True.
      await()
          .atMost(WAIT)
          .until(() -> k8s.cluster.requests(r -> r.path().equals(path)).size() >= 4);
    }
    List<MockCluster.Request> writes = k8s.cluster.requests(r -> r.path().equals(path));
    assertThat(writes).allMatch(r -> r.method().equals("PATCH"));
    for (int i = 1; i < writes.size(); i++) {
      long gapMillis = (writes.get(i).atNanos() - writes.get(i - 1).atNanos()) / 1_000_000;
      // 10% slack for the request's own latency, which varies between two writes.
      assertThat(gapMillis).as("gap before write " + i).isGreaterThanOrEqualTo(1800);
    }
  }

  @Test
  void steadyStateApiCallsPerComponent() {
    Duration interval = Duration.ofSeconds(Long.getLong("redisinfo.budget.intervalSeconds", 5));
    Duration window = Duration.ofSeconds(Long.getLong("redisinfo.budget.windowSeconds", 20));
    int count = 5;
    k8s.start(interval);
    for (int i = 0; i < count; i++) {
      RedisServer server = redis.start();
      k8s.component(
          """
          metadata: {name: c%d}
          spec:
            endpoint: {host: 127.0.0.1, port: %d}
          """
              .formatted(i, server.port()));
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (int i = 0; i < count; i++) {
                assertThat(k8s.ready("c" + i)).extracting(Condition::getStatus).isEqualTo("True");
              }
            });
    k8s.cluster.clearRequests();
    long start = System.nanoTime();
    // Observe a window of steady state: await a condition that only the end of the window makes
    // true (a fixed sleep in disguise, but bounded and explicit about what it waits for).
    await()
        .pollDelay(window)
        .atMost(window.plusSeconds(5))
        .until(() -> System.nanoTime() - start >= window.toNanos());
    List<MockCluster.Request> requests = k8s.cluster.requests(r -> true);
    Map<String, Integer> byKind = new TreeMap<>();
    for (MockCluster.Request r : requests) {
      String kind =
          r.method() + " " + r.path().replaceAll("\\?.*", "").replaceAll("/c\\d+", "/{name}");
      byKind.merge(kind, 1, Integer::sum);
    }
    double minutes = window.toMillis() / 60_000.0;
    long writes = requests.stream().filter(r -> r.path().endsWith("/status")).count();
    long reads = requests.stream().filter(r -> r.method().equals("GET")).count();
    LOG.info(
        "steady state over {}s with {} idle components, status interval {}: {} requests {};"
            + " per component per minute: {} status writes, {} reads",
        window.toSeconds(),
        count,
        interval,
        requests.size(),
        byKind,
        String.format("%.2f", writes / minutes / count),
        String.format("%.2f", reads / minutes / count));
    requests.stream()
        .filter(r -> r.path().endsWith("/c0/status"))
        .limit(3)
        .forEach(r -> LOG.info("c0 status write: {}", r.body()));
    // At most one write per interval per component (plus one for a window starting mid-interval).
    long maxWrites = count * (window.toMillis() / interval.toMillis() + 1);
    assertThat(writes).isLessThanOrEqualTo(maxWrites);
    // Informers watch; nothing polls the API per component.
    assertThat(reads).isLessThanOrEqualTo(6);
  }

  @Test
  void onlyTheLeaderWritesAndTheOtherTakesOverWhenItStops() {
    RedisServer server = redis.start();
    OperatorFixture.Replica a = k8s.start(Duration.ofSeconds(1), true, "replica-a");
    OperatorFixture.Replica b = k8s.start(Duration.ofSeconds(1), true, "replica-b");
    k8s.component(
        """
        metadata: {name: shared}
        spec:
          endpoint: {host: 127.0.0.1, port: %d}
        """
            .formatted(server.port()));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(k8s.ready("shared")).extracting(Condition::getStatus).isEqualTo("True");
              assertThat(a.writes().get() + b.writes().get()).isGreaterThanOrEqualTo(2);
            });
    OperatorFixture.Replica leader = a.writes().get() > 0 ? a : b;
    OperatorFixture.Replica standby = leader == a ? b : a;
    assertThat(standby.writes()).hasValue(0);
    assertThat(holder()).isEqualTo(leader == a ? "replica-a" : "replica-b");
    // The standby polls too, so it answers queries.
    await()
        .atMost(WAIT)
        .until(
            () ->
                standby
                    .engine()
                    .shards()
                    .get("shop/shared")
                    .map(s -> s.snapshot().reachable())
                    .orElse(false));

    leader.stop();
    int before = standby.writes().get();
    // The new leader writes only what differs from the stored status: make a visible change.
    for (int i = 0; i < 100; i++) {
      server.command("SET", "key" + i, "v");
    }
    await().atMost(WAIT).until(() -> standby.writes().get() > before);
    assertThat(k8s.get("shared").getStatus().getKeys()).isEqualTo(100L);
    assertThat(holder()).isEqualTo(standby == a ? "replica-a" : "replica-b");
  }

  private String holder() {
    var lease =
        k8s.client.leases().inNamespace("default").withName(KubernetesOperator.LEASE_NAME).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }
}
