package io.redisinfo.advice;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.component.status.ComponentCondition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthyConditionTest {
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  private static Advisory advisory(String rule, Severity severity) {
    return new Advisory(rule, severity, rule + " seen.", "why", null, NOW);
  }

  @Test
  void noAdvisoryIsHealthy() {
    ComponentCondition c = HealthyCondition.of(List.of(), NOW, 3);
    assertThat(c.type()).isEqualTo("Healthy");
    assertThat(c.status()).isEqualTo(ComponentCondition.TRUE);
    assertThat(c.reason()).isEqualTo("NoAdvisories");
    assertThat(c.observedGeneration()).isEqualTo(3);
  }

  @Test
  void theWorstAdvisoryNamesTheReason() {
    ComponentCondition c =
        HealthyCondition.of(
            List.of(
                advisory("low-hit-ratio", Severity.INFO),
                advisory("no-maxmemory", Severity.WARNING)),
            NOW,
            1);
    assertThat(c.status()).isEqualTo(ComponentCondition.FALSE);
    assertThat(c.reason()).isEqualTo("NoMaxmemory");
    assertThat(c.message()).isEqualTo("warning: no-maxmemory seen. (and 1 more advisories)");
  }

  @Test
  void evaluatingIsUnknown() {
    assertThat(HealthyCondition.evaluating(NOW, 1).status()).isEqualTo(ComponentCondition.UNKNOWN);
    assertThat(HealthyCondition.reason("no-maxmemory")).isEqualTo("NoMaxmemory");
  }
}
