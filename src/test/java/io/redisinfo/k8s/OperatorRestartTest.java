package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A restart and a change of leader, as users see them: with 200 Ready components (and a few with
 * problems already recorded as Events), no component leaves Ready=True, no status is written more
 * than once, and no Event is added or bumped.
 */
class OperatorRestartTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int HEALTHY = 200;
  private static final int UNREACHABLE = 5;
  private static final int NO_SECRET = 5;

  /** Long enough that a merely different figure is not due within the observed window. */
  private static final Duration STATUS_INTERVAL = Duration.ofSeconds(60);

  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  private final OperatorFixture k8s = new OperatorFixture();

  @AfterEach
  void close() {
    k8s.close();
  }

  private void createComponents() {
    List<RedisServer> servers = List.of(redis.start(), redis.start(), redis.start(), redis.start());
    for (int i = 0; i < HEALTHY; i++) {
      k8s.component(
          """
          metadata: {name: c%d}
          spec:
            endpoint: {host: 127.0.0.1, port: %d}
          """
              .formatted(i, servers.get(i % servers.size()).port()));
    }
    int deadPort = deadPort();
    for (int i = 0; i < UNREACHABLE; i++) {
      k8s.component(
          """
          metadata: {name: down%d}
          spec:
            endpoint: {host: 127.0.0.1, port: %d}
          """
              .formatted(i, deadPort));
    }
    for (int i = 0; i < NO_SECRET; i++) {
      k8s.component(
          """
          metadata: {name: nosecret%d}
          spec:
            endpoint: {host: 127.0.0.1, port: %d}
            auth: {passwordSecretRef: {name: missing, key: password}}
          """
              .formatted(i, servers.get(0).port()));
    }
  }

  private Map<String, String> readiness() {
    return k8s
        .client
        .resources(RedisComponent.class)
        .inNamespace(OperatorFixture.NS)
        .list()
        .getItems()
        .stream()
        .collect(
            Collectors.toMap(
                c -> c.getMetadata().getName(),
                c -> {
                  Condition ready = readyOf(c);
                  return ready == null ? "none" : ready.getStatus() + "/" + ready.getReason();
                },
                (a, b) -> a,
                TreeMap::new));
  }

  private static Condition readyOf(RedisComponent c) {
    if (c.getStatus() == null || c.getStatus().getConditions() == null) {
      return null;
    }
    return c.getStatus().getConditions().stream()
        .filter(x -> "Ready".equals(x.getType()))
        .findFirst()
        .orElse(null);
  }

  private void awaitSettled() {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Map<String, String> ready = readiness();
              assertThat(ready).hasSize(HEALTHY + UNREACHABLE + NO_SECRET);
              assertThat(ready.entrySet())
                  .allSatisfy(
                      e -> {
                        String expected =
                            e.getKey().startsWith("down")
                                ? "False/Unreachable"
                                : e.getKey().startsWith("nosecret")
                                    ? "False/SecretNotFound"
                                    : "True/Ready";
                        assertThat(e.getValue()).as(e.getKey()).isEqualTo(expected);
                      });
              assertThat(events().keySet())
                  .filteredOn(n -> n.endsWith(".unreachable") || n.endsWith(".secretnotfound"))
                  .hasSize(UNREACHABLE + NO_SECRET);
              // Advisories judged (and announced) everywhere they can be.
              assertThat(healthy().values()).doesNotContain("Unknown/Evaluating");
            });
  }

  /** The Healthy condition of each healthy component. */
  private Map<String, String> healthy() {
    return k8s
        .client
        .resources(RedisComponent.class)
        .inNamespace(OperatorFixture.NS)
        .list()
        .getItems()
        .stream()
        .filter(c -> c.getMetadata().getName().matches("c\\d+"))
        .collect(
            Collectors.toMap(
                c -> c.getMetadata().getName(),
                c -> {
                  Condition h =
                      c.getStatus() == null || c.getStatus().getConditions() == null
                          ? null
                          : c.getStatus().getConditions().stream()
                              .filter(x -> "Healthy".equals(x.getType()))
                              .findFirst()
                              .orElse(null);
                  return h == null ? "none" : h.getStatus() + "/" + h.getReason();
                },
                (a, b) -> a,
                TreeMap::new));
  }

  /** Every Event, by name, with its count. */
  private Map<String, Integer> events() {
    return k8s.client.v1().events().inNamespace(OperatorFixture.NS).list().getItems().stream()
        .collect(
            Collectors.toMap(
                e -> e.getMetadata().getName(), Event::getCount, (a, b) -> a, TreeMap::new));
  }

  /**
   * Observes the replica that took over until it has polled every healthy shard and reconciled
   * every component a few times, checking all the while that nothing left Ready=True.
   */
  private void assertNothingVisibleChanges(
      OperatorFixture.Replica newcomer,
      Map<String, String> before,
      Map<String, String> healthyBefore,
      Map<String, Integer> events) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(readiness()).isEqualTo(before);
              assertThat(healthy()).isEqualTo(healthyBefore);
              for (int i = 0; i < HEALTHY; i++) {
                assertThat(newcomer.engine().shards().get("shop/c" + i))
                    .hasValueSatisfying(s -> assertThat(s.snapshot().reachable()).isTrue());
              }
            });
    // Then a few more reconcile ticks (200 ms each) with every shard polled.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(readiness()).isEqualTo(before);
              assertThat(healthy()).isEqualTo(healthyBefore);
            });
    Map<String, List<String>> writesPerComponent =
        k8s.cluster.requests(r -> r.path().endsWith("/status")).stream()
            .collect(
                Collectors.groupingBy(
                    MockCluster.Request::path,
                    TreeMap::new,
                    Collectors.mapping(MockCluster.Request::body, Collectors.toList())));
    // The bodies say what a second write changed, should one be made.
    assertThat(writesPerComponent)
        .allSatisfy((path, bodies) -> assertThat(bodies).as(path).hasSizeLessThanOrEqualTo(1));
    assertThat(events()).isEqualTo(events);
  }

  @Test
  void aRestartLeavesEveryComponentAsItWasAndAddsNoEvent() {
    OperatorFixture.Replica first = k8s.start(STATUS_INTERVAL);
    createComponents();
    awaitSettled();
    Map<String, String> before = readiness();
    Map<String, String> healthyBefore = healthy();
    Map<String, Integer> events = events();

    first.stop();
    k8s.cluster.clearRequests();
    OperatorFixture.Replica second = k8s.start(STATUS_INTERVAL);

    assertNothingVisibleChanges(second, before, healthyBefore, events);
  }

  @Test
  void aChangeOfLeaderLeavesEveryComponentAsItWasAndAddsNoEvent() {
    OperatorFixture.Replica a = k8s.start(STATUS_INTERVAL, true, "replica-a");
    OperatorFixture.Replica b = k8s.start(STATUS_INTERVAL, true, "replica-b");
    createComponents();
    awaitSettled();
    Map<String, String> before = readiness();
    Map<String, String> healthyBefore = healthy();
    Map<String, Integer> events = events();
    String holder =
        k8s.client
            .leases()
            .inNamespace("default")
            .withName(KubernetesOperator.LEASE_NAME)
            .get()
            .getSpec()
            .getHolderIdentity();
    OperatorFixture.Replica leader = "replica-a".equals(holder) ? a : b;
    OperatorFixture.Replica standby = leader == a ? b : a;

    leader.stop();
    k8s.cluster.clearRequests();
    // The standby takes the Lease (it expires after 2 s) and reconciles everything.
    await()
        .atMost(WAIT)
        .until(
            () ->
                !holder.equals(
                    k8s.client
                        .leases()
                        .inNamespace("default")
                        .withName(KubernetesOperator.LEASE_NAME)
                        .get()
                        .getSpec()
                        .getHolderIdentity()));

    assertNothingVisibleChanges(standby, before, healthyBefore, events);
  }

  private static int deadPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
