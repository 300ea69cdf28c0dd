package io.redisinfo.component.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPolicyTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private Instant now = T0;
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final StatusPolicy policy = new StatusPolicy(Duration.ofSeconds(30), clock);

  private static ComponentStatus status(double ops, String readyStatus, String reason, long gen) {
    return new ComponentStatus(
        gen,
        "h:1",
        "master",
        "7.2.0",
        1000L,
        0L,
        ops,
        1L,
        0L,
        null,
        0L,
        null,
        null,
        T0,
        Duration.ofSeconds(1),
        1,
        1,
        List.of(),
        List.of(new ComponentCondition("Ready", readyStatus, reason, "m", T0, gen)));
  }

  @Test
  void firstStatusIsDueAtOnce() {
    assertThat(policy.due("a/b", status(1, "True", "Ready", 1))).isTrue();
  }

  @Test
  void invisibleChangesAreNeverDue() {
    policy.recordWritten("a/b", status(1000, "True", "Ready", 1));
    now = T0.plusSeconds(3600);
    assertThat(policy.due("a/b", status(1001, "True", "Ready", 1))).isFalse();
  }

  @Test
  void visibleChangesWaitForTheInterval() {
    policy.recordWritten("a/b", status(1000, "True", "Ready", 1));
    now = T0.plusSeconds(29);
    assertThat(policy.due("a/b", status(2000, "True", "Ready", 1))).isFalse();
    now = T0.plusSeconds(30);
    assertThat(policy.due("a/b", status(2000, "True", "Ready", 1))).isTrue();
  }

  @Test
  void conditionAndGenerationChangesAreDueAtOnce() {
    policy.recordWritten("a/b", status(1000, "True", "Ready", 1));
    now = T0.plusSeconds(1);
    assertThat(policy.due("a/b", status(1000, "False", "Unreachable", 1))).isTrue();
    assertThat(policy.due("a/b", status(1000, "True", "Ready", 2))).isTrue();
  }

  @Test
  void aForgottenComponentStartsOver() {
    policy.recordWritten("a/b", status(1000, "True", "Ready", 1));
    policy.forget("a/b");
    assertThat(policy.due("a/b", status(1000, "True", "Ready", 1))).isTrue();
    assertThat(policy.lastConditions("a/b")).isNull();
  }
}
