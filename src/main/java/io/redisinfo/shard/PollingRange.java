package io.redisinfo.shard;

import io.redisinfo.common.GoDuration;
import java.time.Duration;

/**
 * The interval range a shard's poll interval moves in: {@code min <= interval <= max}. A
 * component's own range may leave one end open (null): the operator's default fills it, see {@link
 * #resolve}.
 */
public record PollingRange(Duration min, Duration max) {
  public PollingRange {
    if (min == null && max == null) {
      throw new IllegalArgumentException("a polling range needs minInterval or maxInterval");
    }
    if (min != null && (min.isNegative() || min.isZero())) {
      throw new IllegalArgumentException(
          "minInterval must be positive, got " + GoDuration.format(min));
    }
    if (max != null && (max.isNegative() || max.isZero())) {
      throw new IllegalArgumentException(
          "maxInterval must be positive, got " + GoDuration.format(max));
    }
    if (min != null && max != null && max.compareTo(min) < 0) {
      throw new IllegalArgumentException(
          "minInterval "
              + GoDuration.format(min)
              + " must not be greater than maxInterval "
              + GoDuration.format(max));
    }
  }

  /** Whether both ends are set. */
  public boolean complete() {
    return min != null && max != null;
  }

  /**
   * This range with its open end taken from {@code defaults}; when the given end lies beyond the
   * default other end, the range closes on it ({@code minInterval: 30s} with a default max of 15s
   * is 30s..30s).
   */
  public PollingRange resolve(PollingRange defaults) {
    if (complete()) {
      return this;
    }
    if (min != null) {
      return new PollingRange(min, defaults.max().compareTo(min) < 0 ? min : defaults.max());
    }
    return new PollingRange(defaults.min().compareTo(max) > 0 ? max : defaults.min(), max);
  }
}
