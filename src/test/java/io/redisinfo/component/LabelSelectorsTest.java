package io.redisinfo.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {
  @Test
  void readsTheKubectlForms() {
    PodSelector s =
        LabelSelectors.parse(
            "app.kubernetes.io/name=redis, tier!=test,role in (master, replica),!legacy,zone");
    assertThat(s.matches(Map.of("app.kubernetes.io/name", "redis", "role", "master", "zone", "a")))
        .isTrue();
    assertThat(s.matches(Map.of("app.kubernetes.io/name", "redis", "role", "master"))).isFalse();
    assertThat(
            s.matches(
                Map.of(
                    "app.kubernetes.io/name",
                    "redis",
                    "role",
                    "master",
                    "zone",
                    "a",
                    "legacy",
                    "y")))
        .isFalse();
    assertThat(s.matches(Map.of("app.kubernetes.io/name", "redis", "role", "other", "zone", "a")))
        .isFalse();
    assertThat(
            s.matches(
                Map.of(
                    "app.kubernetes.io/name",
                    "redis",
                    "role",
                    "master",
                    "zone",
                    "a",
                    "tier",
                    "test")))
        .isFalse();
    assertThat(LabelSelectors.parse("a==b").matches(Map.of("a", "b"))).isTrue();
  }

  @Test
  void emptyMeansNone() {
    assertThat(LabelSelectors.parse("")).isNull();
    assertThat(LabelSelectors.parse("  ")).isNull();
  }

  @Test
  void badTextIsNamed() {
    assertThatThrownBy(() -> LabelSelectors.parse("app=redis,=x"))
        .hasMessageContaining("'=x' is not a label requirement");
  }
}
