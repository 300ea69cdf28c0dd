package io.redisinfo.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.redisinfo.app.Engine;
import io.redisinfo.component.LabelSelectors;
import io.redisinfo.poll.PollerOptions;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.shard.PollingRange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts operators against a {@link MockCluster} and creates resources in it. */
final class OperatorFixture implements AutoCloseable {
  static final String NS = "shop";

  /** One running operator replica. */
  record Replica(Engine engine, KubernetesOperator operator, AtomicInteger writes) {
    void stop() {
      operator.close();
      engine.close();
    }
  }

  final MockCluster cluster = new MockCluster();
  final KubernetesClient client = cluster.newClient();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final List<Replica> replicas = new ArrayList<>();

  /** {@code --secret-refresh} of the replicas started from now on (the operator's default). */
  Duration secretRefresh = Duration.ofSeconds(30);

  Replica start(Duration statusInterval) {
    return start(statusInterval, false, "solo");
  }

  Replica start(Duration statusInterval, boolean leaderElection, String identity) {
    Engine engine =
        Engine.start(
            PollerOptions.builder()
                .range(new PollingRange(Duration.ofMillis(100), Duration.ofMillis(500)))
                .timeout(Duration.ofSeconds(1))
                .build(),
            0,
            () -> true);
    AtomicInteger writes = new AtomicInteger();
    KubernetesOperator operator =
        KubernetesOperator.start(
            cluster.newClient(),
            engine,
            new KubernetesOperator.Settings(
                Set.of(),
                LabelSelectors.parse("app.kubernetes.io/name=redis"),
                leaderElection,
                "default",
                identity,
                Duration.ofSeconds(2),
                Duration.ofMillis(1500),
                Duration.ofMillis(250),
                false,
                statusInterval,
                // No timer: every change must reach the status as an event.
                Duration.ofMinutes(10),
                "redis-directory",
                secretRefresh),
            success -> {
              if (success) {
                writes.incrementAndGet();
              }
            },
            null);
    Replica replica = new Replica(engine, operator, writes);
    replicas.add(replica);
    return replica;
  }

  RedisComponent component(String yamlText) {
    try {
      RedisComponent component = yaml.readValue(yamlText, RedisComponent.class);
      component.getMetadata().setNamespace(NS);
      return client.resource(component).create();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  RedisComponent get(String name) {
    return client.resources(RedisComponent.class).inNamespace(NS).withName(name).get();
  }

  Condition ready(String name) {
    RedisComponent c = get(name);
    if (c == null || c.getStatus() == null || c.getStatus().getConditions() == null) {
      return null;
    }
    return c.getStatus().getConditions().stream()
        .filter(x -> "Ready".equals(x.getType()))
        .findFirst()
        .orElse(null);
  }

  Pod pod(String name, Map<String, String> labels, String phase) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NS)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("redis")
            .withImage("redis:7")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase(phase)
            .withPodIP("127.0.0.1")
            .endStatus()
            .build();
    return client.resource(pod).create();
  }

  Secret secret(String name, String key, String value) {
    return secret(name, Map.of(key, value));
  }

  /** Creates or replaces a Secret with these keys and values. */
  Secret secret(String name, Map<String, String> values) {
    Map<String, String> data = new java.util.LinkedHashMap<>();
    values.forEach(
        (key, value) ->
            data.put(
                key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NS)
            .endMetadata()
            .withData(data)
            .build();
    return client.resource(secret).createOr(existing -> existing.update());
  }

  List<io.fabric8.kubernetes.api.model.Event> events(String component) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> component.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  @Override
  public void close() {
    for (Replica replica : replicas) {
      try {
        replica.stop();
      } catch (RuntimeException e) {
        // already stopped by the test
      }
    }
    cluster.close();
  }
}
