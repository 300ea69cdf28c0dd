package io.redisinfo.component.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentStatusTest {
  private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
  private static final ComponentCondition READY =
      new ComponentCondition("Ready", "True", "Ready", "1/1", T, 1);

  private static ComponentStatus status(
      long memory, double ops, long keys, double hitRatio, long lag, Instant lastPoll) {
    return new ComponentStatus(
        1,
        "10.0.0.1:6379",
        "master",
        "7.2.4",
        memory,
        1_000_000_000L,
        ops,
        10L,
        keys,
        hitRatio,
        0L,
        null,
        lag,
        lastPoll,
        Duration.ofSeconds(1),
        1,
        1,
        List.of(new ShardStatus("shop/r-0", "10.0.0.1:6379", "shop/r-0", "master", true, null)),
        List.of(READY));
  }

  @Test
  void pollTimeAndSmallJitterAreNotAVisibleChange() {
    ComponentStatus a = status(100_000_000, 1234, 10_000, 0.751, 0, T);
    ComponentStatus b = status(100_500_000, 1240, 10_040, 0.749, 1, T.plusSeconds(5));

    assertThat(a.visiblyEquals(b)).isTrue();
    assertThat(b.visiblyEquals(a)).isTrue();
  }

  @Test
  void realChangesAreVisible() {
    ComponentStatus base = status(100_000_000, 1234, 10_000, 0.75, 0, T);

    assertThat(base.visiblyEquals(status(102_000_000, 1234, 10_000, 0.75, 0, T))).isFalse();
    assertThat(base.visiblyEquals(status(100_000_000, 1290, 10_000, 0.75, 0, T))).isFalse();
    assertThat(base.visiblyEquals(status(100_000_000, 1234, 11_000, 0.75, 0, T))).isFalse();
    assertThat(base.visiblyEquals(status(100_000_000, 1234, 10_000, 0.80, 0, T))).isFalse();
    assertThat(base.visiblyEquals(status(100_000_000, 1234, 10_000, 0.75, 30, T))).isFalse();
    assertThat(base.visiblyEquals(null)).isFalse();
  }

  @Test
  void roundingHelpers() {
    assertThat(ComponentStatus.sameTwoDigits(0.0, 0.0)).isTrue();
    assertThat(ComponentStatus.sameTwoDigits(null, null)).isTrue();
    assertThat(ComponentStatus.sameTwoDigits(null, 1.0)).isFalse();
    assertThat(ComponentStatus.sameTwoDigits(9.4, 9.6)).isFalse();
    assertThat(ComponentStatus.withinOnePercent(0L, 0L)).isTrue();
    assertThat(ComponentStatus.withinOnePercent(0L, 1L)).isFalse();
  }

  @Test
  void usedMemoryReadsAsRedisShowsIt() {
    assertThat(status(512, 0, 0, 0, 0, T).usedMemoryHuman()).isEqualTo("512B");
    assertThat(status(1_268_777, 0, 0, 0, 0, T).usedMemoryHuman()).isEqualTo("1.21M");
    assertThat(status(3L << 30, 0, 0, 0, 0, T).usedMemoryHuman()).isEqualTo("3.00G");
  }
}
