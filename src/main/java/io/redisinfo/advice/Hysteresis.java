package io.redisinfo.advice;

import java.time.Duration;

/**
 * How long advice must hold before it is shown and be gone before it is withdrawn, so a value
 * hovering at a threshold does not flap.
 *
 * @param startAfter consecutive evaluations an advisory must be found in to start
 * @param clearAfter consecutive evaluations it must be missing from to clear ...
 * @param clearAfterTime ... spanning at least this long
 */
public record Hysteresis(int startAfter, int clearAfter, Duration clearAfterTime) {
  public static final Hysteresis DEFAULT = new Hysteresis(2, 3, Duration.ofSeconds(30));

  public Hysteresis {
    if (startAfter < 1 || clearAfter < 1 || clearAfterTime.isNegative()) {
      throw new IllegalArgumentException("startAfter and clearAfter must be at least 1");
    }
  }
}
