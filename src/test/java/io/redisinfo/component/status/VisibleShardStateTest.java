package io.redisinfo.component.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleShardStateTest {
  @Test
  void countsAreKeptAtTwoSignificantDigits() {
    assertThat(VisibleShardState.twoDigits(null)).isEqualTo(-1);
    assertThat(VisibleShardState.twoDigits(0L)).isZero();
    assertThat(VisibleShardState.twoDigits(99L)).isEqualTo(99);
    assertThat(VisibleShardState.twoDigits(1234L)).isEqualTo(1200);
    assertThat(VisibleShardState.twoDigits(1250L)).isEqualTo(1300);
    assertThat(VisibleShardState.twoDigits(-1234L)).isEqualTo(-1200);
  }
}
