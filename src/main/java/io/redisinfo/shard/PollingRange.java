package io.redisinfo.shard;

import io.redisinfo.common.GoDuration;
import java.time.Duration;
import java.util.Objects;

/** The interval range a shard's poll interval moves in: {@code min <= interval <= max}. */
public record PollingRange(Duration min, Duration max) {
  public PollingRange {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isNegative() || min.isZero()) {
      throw new IllegalArgumentException(
          "minInterval must be positive, got " + GoDuration.format(min));
    }
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException(
          "minInterval "
              + GoDuration.format(min)
              + " must not be greater than maxInterval "
              + GoDuration.format(max));
    }
  }
}
