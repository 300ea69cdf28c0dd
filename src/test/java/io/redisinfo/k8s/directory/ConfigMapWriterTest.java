package io.redisinfo.k8s.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redisinfo.k8s.directory.ConfigMapWriter.Outcome;
import io.redisinfo.k8s.directory.ConfigMapWriter.Result;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigMapWriterTest {
  private final MockApiServer server = new MockApiServer();
  private final KubernetesClient client = server.newClient();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ConfigMapDirectoryMetrics metrics =
      new ConfigMapDirectoryMetrics(registry, () -> 0);
  private final ConfigMapWriter writer =
      new ConfigMapWriter(client, metrics, ConfigMapDirectory.NAME);

  @AfterEach
  void tearDown() {
    server.close();
  }

  private static ConfigMapPlan plan(String... keyValues) {
    Map<String, String> data = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      data.put(keyValues[i], keyValues[i + 1]);
    }
    return new ConfigMapPlan(data, Map.of());
  }

  @Test
  void aStaleResourceVersionConflictsAndTheRetryOnTheFreshCopyWins() {
    Outcome created = writer.write("shop", plan("a.json", "{\"v\":1}"), null);
    assertThat(created.result()).isEqualTo(Result.WRITTEN);
    ConfigMap stale = created.current();

    // Someone else updates it meanwhile.
    client
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder(stale).withData(Map.of("a.json", "{\"v\":\"theirs\"}")).build())
        .update();

    Outcome conflict = writer.write("shop", plan("a.json", "{\"v\":2}"), stale);
    assertThat(conflict.result()).isEqualTo(Result.CONFLICT);
    assertThat(conflict.current().getData()).containsEntry("a.json", "{\"v\":\"theirs\"}");
    assertThat(failures("conflict")).isEqualTo(1);

    Outcome retried = writer.write("shop", plan("a.json", "{\"v\":2}"), conflict.current());
    assertThat(retried.result()).isEqualTo(Result.WRITTEN);
    assertThat(writer.read("shop").getData()).isEqualTo(Map.of("a.json", "{\"v\":2}"));
    assertThat(writes()).isEqualTo(2);
  }

  @Test
  void creatingOverAnExistingConfigMapConflicts() {
    writer.write("shop", plan("a.json", "{}"), null);

    Outcome outcome = writer.write("shop", plan("a.json", "{\"v\":2}"), null);

    assertThat(outcome.result()).isEqualTo(Result.CONFLICT);
    assertThat(outcome.current().getData()).containsEntry("a.json", "{}");
  }

  @Test
  void equalContentIsNotWritten() {
    ConfigMap current = writer.write("shop", plan("a.json", "{}"), null).current();

    assertThat(writer.write("shop", plan("a.json", "{}"), current).result())
        .isEqualTo(Result.UNCHANGED);
    assertThat(writer.write("empty", plan(), null).result()).isEqualTo(Result.UNCHANGED);
    assertThat(writes()).isEqualTo(1);
    assertThat(server.configMapWrites()).isEqualTo(1);
  }

  @Test
  void anEmptyPlanDeletesTheConfigMap() {
    ConfigMap current = writer.write("shop", plan("a.json", "{}"), null).current();

    Outcome outcome = writer.write("shop", plan(), current);

    assertThat(outcome.result()).isEqualTo(Result.WRITTEN);
    assertThat(outcome.current()).isNull();
    assertThat(writer.read("shop")).isNull();
    assertThat(writes("delete")).isEqualTo(1);
  }

  @Test
  void otherFailuresAreThrownAndCounted() {
    server.failConfigMapWrites(422, 1);

    assertThatThrownBy(() -> writer.write("shop", plan("a.json", "{}"), null))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422));
    assertThat(failures("error")).isEqualTo(1);
    assertThat(failures("conflict")).isZero();
    assertThat(writes()).isZero();
  }

  private long writes() {
    return (long)
        registry.find("redisinfo.directory.writes").counters().stream()
            .mapToDouble(Counter::count)
            .sum();
  }

  private long writes(String operation) {
    return (long)
        registry.get("redisinfo.directory.writes").tag("operation", operation).counter().count();
  }

  private long failures(String reason) {
    return (long)
        registry.get("redisinfo.directory.write.failures").tag("reason", reason).counter().count();
  }
}
