package io.redisinfo.poll;

import io.redisinfo.shard.PollingRange;
import java.time.Duration;
import java.util.Objects;

/**
 * How the poller behaves; immutable, built with {@link #builder()}. The defaults are the documented
 * policy (README, "Polling policy").
 *
 * @param range the operator-wide interval range (a shard's own range overrides it)
 * @param timeout per INFO command, and for connecting
 * @param busyOpsPerSec at or above this rate a shard counts as busy
 * @param changeRatio a relative change of used memory or keys between two polls at or above this
 *     counts as activity
 * @param clientsChange an absolute change of connected clients at or above this counts as activity
 * @param quietGrowth factor the interval grows by after a quiet poll
 * @param busyShrink factor the interval shrinks by after a busy poll
 * @param jitter every delay is multiplied by a random factor in {@code [1 - jitter, 1 + jitter]}
 * @param initialSpread the first poll of a new shard happens at a random point within this
 */
public record PollerOptions(
    PollingRange range,
    Duration timeout,
    double busyOpsPerSec,
    double changeRatio,
    long clientsChange,
    double quietGrowth,
    double busyShrink,
    double jitter,
    Duration initialSpread) {

  public PollerOptions {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (quietGrowth < 1 || busyShrink <= 0 || busyShrink > 1) {
      throw new IllegalArgumentException("quietGrowth must be >= 1 and busyShrink in (0, 1]");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .range(range)
        .timeout(timeout)
        .busyOpsPerSec(busyOpsPerSec)
        .changeRatio(changeRatio)
        .clientsChange(clientsChange)
        .quietGrowth(quietGrowth)
        .busyShrink(busyShrink)
        .jitter(jitter)
        .initialSpread(initialSpread);
  }

  /** Builder with the documented defaults. */
  public static final class Builder {
    private PollingRange range = new PollingRange(Duration.ofSeconds(1), Duration.ofSeconds(15));
    private Duration timeout = Duration.ofSeconds(2);
    private double busyOpsPerSec = 100;
    private double changeRatio = 0.10;
    private long clientsChange = 5;
    private double quietGrowth = 1.5;
    private double busyShrink = 0.5;
    private double jitter = 0.10;
    private Duration initialSpread = Duration.ofMillis(250);

    public Builder range(PollingRange value) {
      this.range = value;
      return this;
    }

    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    public Builder busyOpsPerSec(double value) {
      this.busyOpsPerSec = value;
      return this;
    }

    public Builder changeRatio(double value) {
      this.changeRatio = value;
      return this;
    }

    public Builder clientsChange(long value) {
      this.clientsChange = value;
      return this;
    }

    public Builder quietGrowth(double value) {
      this.quietGrowth = value;
      return this;
    }

    public Builder busyShrink(double value) {
      this.busyShrink = value;
      return this;
    }

    public Builder jitter(double value) {
      this.jitter = value;
      return this;
    }

    public Builder initialSpread(Duration value) {
      this.initialSpread = value;
      return this;
    }

    public PollerOptions build() {
      return new PollerOptions(
          range,
          timeout,
          busyOpsPerSec,
          changeRatio,
          clientsChange,
          quietGrowth,
          busyShrink,
          jitter,
          initialSpread);
    }
  }
}
