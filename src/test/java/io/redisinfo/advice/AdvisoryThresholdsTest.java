package io.redisinfo.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvisoryThresholdsTest {
  @Test
  void overridesReplaceOnlyTheNamedThresholds() {
    AdvisoryThresholds t =
        AdvisoryThresholds.DEFAULTS.withOverrides(
            Map.of("memoryNearLimitPercent", 95, "replicaLagSeconds", "30"));
    assertThat(t.memoryNearLimitPercent()).isEqualTo(95);
    assertThat(t.replicaLagSeconds()).isEqualTo(30);
    assertThat(t.withOverrides(Map.of()).unsavedSeconds())
        .isEqualTo(AdvisoryThresholds.DEFAULTS.unsavedSeconds());
    assertThat(AdvisoryThresholds.DEFAULTS.withOverrides(Map.of()))
        .isEqualTo(AdvisoryThresholds.DEFAULTS);
  }

  @Test
  void everyNamedThresholdCanBeOverridden() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (String name : AdvisoryThresholds.NAMES) {
      all.put(name, 7);
    }
    AdvisoryThresholds t = AdvisoryThresholds.DEFAULTS.withOverrides(all);
    assertThat(t).isEqualTo(new AdvisoryThresholds(7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7));
  }

  @Test
  void badOverridesAreAllNamed() {
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("memoryNearLimit", 90);
    bad.put("replicaLagSeconds", "1.5");
    bad.put("hitRatioMinPercent", 150);
    bad.put("blockedClients", "many");
    bad.put("slowForkMillis", -1);
    assertThatThrownBy(() -> AdvisoryThresholds.DEFAULTS.withOverrides(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown threshold 'memoryNearLimit'; known: memoryNearLimitPercent")
        .hasMessageContaining("'replicaLagSeconds' must be a whole number, got '1.5'")
        .hasMessageContaining("'hitRatioMinPercent' is a percentage (0-100), got '150'")
        .hasMessageContaining("'blockedClients' must be a number, got 'many'")
        .hasMessageContaining("'slowForkMillis' must be zero or more, got '-1'");
  }

  @Test
  void settingsRejectUnknownRules() {
    assertThat(AdvisorySettings.of(List.of("keys-command"), Map.of()).disabled())
        .containsExactly("keys-command");
    assertThatThrownBy(() -> AdvisorySettings.of(List.of("keys"), Map.of("x", 1)))
        .hasMessageContaining("unknown rule 'keys' in disabled; known: no-maxmemory")
        .hasMessageContaining("unknown threshold 'x'");
  }
}
