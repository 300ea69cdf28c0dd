package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Advisories as Kubernetes users see them: the Healthy condition, status.advisories, the ADVICE
 * column's field, one Event per advisory; spec.advisories turns a rule off, and an unknown rule
 * makes the spec invalid.
 */
class AdvisoriesInStatusTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  private final OperatorFixture k8s = new OperatorFixture();

  @AfterEach
  void close() {
    k8s.close();
  }

  private Condition condition(String name, String type) {
    RedisComponent c = k8s.get(name);
    if (c == null || c.getStatus() == null || c.getStatus().getConditions() == null) {
      return null;
    }
    return c.getStatus().getConditions().stream()
        .filter(x -> type.equals(x.getType()))
        .findFirst()
        .orElse(null);
  }

  @Test
  void aCacheWithoutMaxmemoryIsUnhealthyAndTurningTheRuleOffClearsIt() {
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
              Condition healthy = condition("cache", "Healthy");
              assertThat(healthy).isNotNull();
              assertThat(healthy.getStatus()).isEqualTo("False");
              assertThat(healthy.getReason()).isEqualTo("NoMaxmemory");
              assertThat(healthy.getMessage()).startsWith("critical: ");
              var status = k8s.get("cache").getStatus();
              assertThat(status.getAdvisories())
                  .anySatisfy(
                      a -> {
                        assertThat(a.getName()).isEqualTo("no-maxmemory");
                        assertThat(a.getSeverity()).isEqualTo("critical");
                        assertThat(a.getSince()).isNotNull();
                      });
              assertThat(status.getAdvice()).startsWith("no-maxmemory");
              assertThat(k8s.events("cache")).extracting("reason").contains("NoMaxmemory");
            });
    assertThat(condition("cache", "Ready").getStatus()).isEqualTo("True");

    k8s.client
        .resources(RedisComponent.class)
        .inNamespace(OperatorFixture.NS)
        .withName("cache")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"advisories\":{\"disabled\":[\"no-maxmemory\"]}}}");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var status = k8s.get("cache").getStatus();
              assertThat(
                      status.getAdvisories() == null ? java.util.List.of() : status.getAdvisories())
                  .noneMatch(a -> "no-maxmemory".equals(a.getName()));
              assertThat(condition("cache", "Healthy").getReason()).isNotEqualTo("NoMaxmemory");
            });
  }

  @Test
  void anUnknownRuleInSpecAdvisoriesIsAnInvalidSpec() {
    RedisServer server = redis.start();
    k8s.start(Duration.ofSeconds(1));
    k8s.component(
        """
        metadata: {name: typo}
        spec:
          endpoint: {host: 127.0.0.1, port: %d}
          advisories:
            disabled: [no-maxmemroy]
            thresholds: {memoryNearLimitPercent: 180}
        """
            .formatted(server.port()));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Condition ready = condition("typo", "Ready");
              assertThat(ready).isNotNull();
              assertThat(ready.getReason()).isEqualTo("InvalidSpec");
              assertThat(ready.getMessage())
                  .contains("unknown rule 'no-maxmemroy'")
                  .contains("memoryNearLimitPercent");
            });
  }
}
