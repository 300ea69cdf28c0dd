package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.resource.RedisComponentStatus;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real JOSDK operator against fabric8's mock API server and real redis-servers. */
class OperatorTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  private final OperatorFixture k8s = new OperatorFixture();

  @AfterEach
  void close() {
    k8s.close();
  }

  @Test
  void endpointComponentStatusFillsWithRealInfo() {
    RedisServer server = redis.start();
    k8s.start(Duration.ofSeconds(1));
    k8s.component(
        """
        metadata: {name: cache}
        spec:
          purpose: cache
          endpoint: {host: 127.0.0.1, port: %d}
        """
            .formatted(server.port()));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              RedisComponentStatus s = k8s.get("cache").getStatus();
              assertThat(s).isNotNull();
              assertThat(s.getEndpoint()).isEqualTo("127.0.0.1:" + server.port());
              assertThat(s.getRole()).isEqualTo("master");
              assertThat(s.getRedisVersion()).matches("\\d+\\.\\d+\\.\\d+");
              assertThat(s.getUsedMemory()).isPositive();
              assertThat(s.getUsedMemoryHuman()).matches("[0-9.]+[BKMG]");
              assertThat(s.getOpsPerSec()).isNotNull();
              assertThat(s.getConnectedClients()).isPositive();
              assertThat(s.getReadyShards()).isEqualTo("1/1");
              assertThat(s.getObservedGeneration()).isEqualTo(1L);
              assertThat(s.getShards())
                  .singleElement()
                  .satisfies(x -> assertThat(x.getReachable()).isTrue());
              Condition ready = k8s.ready("cache");
              assertThat(ready.getStatus()).isEqualTo("True");
              assertThat(ready.getReason()).isEqualTo("Ready");
              assertThat(ready.getLastTransitionTime()).isNotBlank();
            });
  }

  @Test
  void selectedRunningPodsAreShardsAndDeletedOrStoppedPodsAreDropped() {
    RedisServer server = redis.start();
    var replica = k8s.start(Duration.ofSeconds(1));
    k8s.component(
        """
        metadata: {name: counters}
        spec:
          selector: {matchLabels: {app: counters}}
          podPort: %d
        """
            .formatted(server.port()));
    k8s.pod("counters-0", Map.of("app", "counters"), "Running");
    k8s.pod("counters-1", Map.of("app", "counters"), "Pending");
    k8s.pod("other", Map.of("app", "other"), "Running");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              RedisComponentStatus s = k8s.get("counters").getStatus();
              assertThat(s).isNotNull();
              assertThat(s.getShards()).extracting("pod").containsExactly("shop/counters-0");
              assertThat(s.getShards())
                  .extracting("address")
                  .containsExactly("127.0.0.1:" + server.port());
              assertThat(s.getRole()).isEqualTo("master");
              assertThat(k8s.ready("counters").getStatus()).isEqualTo("True");
            });
    assertThat(replica.engine().shards().get("shop/counters-0")).isPresent();
    assertThat(replica.engine().shards().get("shop/other")).isEmpty();

    // The pending pod starts running: a second shard.
    Pod pending = k8s.client.pods().inNamespace(OperatorFixture.NS).withName("counters-1").get();
    pending.getStatus().setPhase("Running");
    k8s.client.resource(pending).updateStatus();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(k8s.get("counters").getStatus().getReadyShards()).isEqualTo("2/2"));

    // One pod is deleted, the other fails: no shard left.
    k8s.client.pods().inNamespace(OperatorFixture.NS).withName("counters-0").delete();
    Pod failing = k8s.client.pods().inNamespace(OperatorFixture.NS).withName("counters-1").get();
    failing.getStatus().setPhase("Failed");
    k8s.client.resource(failing).updateStatus();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(replica.engine().shards().get("shop/counters-0")).isEmpty();
              assertThat(replica.engine().shards().get("shop/counters-1")).isEmpty();
              Condition ready = k8s.ready("counters");
              assertThat(ready.getStatus()).isEqualTo("False");
              assertThat(ready.getReason()).isEqualTo("NoShards");
              assertThat(k8s.get("counters").getStatus().getShards()).isEmpty();
            });
  }

  @Test
  void podsMatchingThePodSelectorWithoutComponentAreShardsToo() {
    RedisServer server = redis.start();
    var replica = k8s.start(Duration.ofSeconds(1));
    Pod pod = k8s.pod("redis-0", Map.of("app.kubernetes.io/name", "redis"), "Running");
    pod.getSpec()
        .getContainers()
        .get(0)
        .setPorts(
            java.util.List.of(
                new io.fabric8.kubernetes.api.model.ContainerPortBuilder()
                    .withName("redis")
                    .withContainerPort(server.port())
                    .build()));
    k8s.client.resource(pod).update();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var shard = replica.engine().shards().get("shop/redis-0");
              assertThat(shard).isPresent();
              assertThat(shard.get().spec().component()).isNull();
              assertThat(shard.get().spec().address().port()).isEqualTo(server.port());
              assertThat(shard.get().snapshot().reachable()).isTrue();
            });
    k8s.client.resource(pod).delete();
    await().atMost(WAIT).until(() -> replica.engine().shards().get("shop/redis-0").isEmpty());
  }

  @Test
  void deletingAComponentRemovesItsShards() {
    RedisServer server = redis.start();
    var replica = k8s.start(Duration.ofSeconds(1));
    RedisComponent created =
        k8s.component(
            """
            metadata: {name: gone}
            spec:
              endpoint: {host: 127.0.0.1, port: %d}
            """
                .formatted(server.port()));
    await().atMost(WAIT).until(() -> replica.engine().shards().get("shop/gone").isPresent());
    k8s.client.resource(created).delete();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(replica.engine().shards().get("shop/gone")).isEmpty();
              assertThat(replica.engine().components().get("shop/gone")).isEmpty();
            });
  }
}
