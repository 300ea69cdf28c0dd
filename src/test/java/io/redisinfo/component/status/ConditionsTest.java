package io.redisinfo.component.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final Instant OLD = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void sameStatusKeepsTheOldTransitionTimeButTakesTheNewReason() {
    var old = new ComponentCondition("Ready", "False", "Unreachable", "timeout", OLD, 1);
    var fresh = new ComponentCondition("Ready", "False", "AuthFailed", "WRONGPASS", NOW, 2);

    List<ComponentCondition> merged = Conditions.merge(List.of(old), List.of(fresh));

    assertThat(merged)
        .containsExactly(
            new ComponentCondition("Ready", "False", "AuthFailed", "WRONGPASS", OLD, 2));
  }

  @Test
  void changedStatusTakesTheNewTransitionTime() {
    var old = new ComponentCondition("Ready", "False", "Unreachable", "timeout", OLD, 1);
    var fresh = new ComponentCondition("Ready", "True", "Ready", "ok", NOW, 1);

    assertThat(Conditions.merge(List.of(old), List.of(fresh))).containsExactly(fresh);
  }

  @Test
  void otherTypesAreKeptAndNewOnesAppended() {
    var other = new ComponentCondition("Degraded", "True", "OneDown", "", OLD, 1);
    var fresh = new ComponentCondition("Ready", "True", "Ready", "ok", NOW, 1);

    assertThat(Conditions.merge(List.of(other), List.of(fresh))).containsExactly(other, fresh);
    assertThat(Conditions.merge(null, List.of(fresh))).containsExactly(fresh);
  }

  @Test
  void statusMustBeTrueFalseOrUnknown() {
    assertThatThrownBy(() -> new ComponentCondition("Ready", "yes", "Ready", "", NOW, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("True, False, Unknown");
  }
}
