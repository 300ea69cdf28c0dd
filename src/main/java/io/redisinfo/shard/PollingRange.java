package io.redisinfo.shard;

import java.time.Duration;
import java.util.Objects;

/** The interval range a shard's poll interval moves in: {@code min <= interval <= max}. */
public record PollingRange(Duration min, Duration max) {
  public PollingRange {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isNegative() || min.isZero()) {
      throw new IllegalArgumentException("minInterval must be positive, got " + min);
    }
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException(
          "minInterval " + min + " must not be greater than maxInterval " + max);
    }
  }
}
