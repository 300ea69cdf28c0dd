package io.redisinfo.k8s.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationsTest {
  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "2s, PT2S",
    "1m, PT1M",
    "1m30s, PT1M30S",
    "1h2m3s4ms, PT1H2M3.004S",
    "1.5s, PT1.5S",
    "0s, PT0S"
  })
  void parsesGoDurations(String text, Duration expected) {
    assertThat(GoDurations.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "s", "1 s", "-1s", "1d", "1S", "PT1S", "1s ", "1.s", "2us"})
  void rejectsWithTheExpectedForm(String text) {
    assertThatThrownBy(() -> GoDurations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("such as 500ms, 2s, 1m or 1m30s");
  }

  @org.junit.jupiter.api.Test
  void rejectsNull() {
    assertThatThrownBy(() -> GoDurations.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void rejectsWhatDoesNotFitADuration() {
    assertThatThrownBy(() -> GoDurations.parse("99999999999999999h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long");
  }
}
