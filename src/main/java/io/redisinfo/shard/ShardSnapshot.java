package io.redisinfo.shard;

import io.redisinfo.info.Info;
import io.redisinfo.info.InfoSummary;
import java.time.Duration;

/**
 * What is known of a shard at one moment; the poller publishes a new snapshot after every poll.
 *
 * @param info the latest good INFO, or null when none was ever taken
 * @param summary the summary of {@code info}, or null
 * @param infoAtNanos {@link System#nanoTime()} when {@code info} was taken (0 when none)
 * @param infoAtEpochMillis wall-clock time when {@code info} was taken (0 when none)
 * @param reachable whether the last poll succeeded
 * @param lastError what went wrong in the last failed poll, or null once a poll succeeds again
 * @param pollInterval the interval until the next scheduled poll
 * @param polls polls done (successful or not)
 * @param failures polls that failed
 * @param failure why the last poll failed, or null when it succeeded (or none was made)
 */
public record ShardSnapshot(
    Info info,
    InfoSummary summary,
    long infoAtNanos,
    long infoAtEpochMillis,
    boolean reachable,
    String lastError,
    Duration pollInterval,
    long polls,
    long failures,
    FailureKind failure) {

  public ShardSnapshot {
    if (lastError != null && failure == null) {
      failure = FailureKind.ERROR;
    } else if (lastError == null) {
      failure = null;
    }
  }

  /** A snapshot whose failure, if any, is of no particular kind ({@link FailureKind#ERROR}). */
  public ShardSnapshot(
      Info info,
      InfoSummary summary,
      long infoAtNanos,
      long infoAtEpochMillis,
      boolean reachable,
      String lastError,
      Duration pollInterval,
      long polls,
      long failures) {
    this(
        info,
        summary,
        infoAtNanos,
        infoAtEpochMillis,
        reachable,
        lastError,
        pollInterval,
        polls,
        failures,
        null);
  }

  public static ShardSnapshot initial(Duration pollInterval) {
    return new ShardSnapshot(null, null, 0, 0, false, null, pollInterval, 0, 0, null);
  }

  public boolean hasInfo() {
    return info != null;
  }

  /** Milliseconds since the last good INFO, or null when there is none. */
  public Long ageMillis(long nowNanos) {
    return info == null ? null : Math.max(0, (nowNanos - infoAtNanos) / 1_000_000);
  }

  public String role() {
    return summary == null ? null : summary.role();
  }
}
