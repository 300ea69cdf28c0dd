package io.redisinfo.poll;

import io.redisinfo.shard.PollingRange;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Computes a shard's next interval and the jittered delay until its next poll. Pure but for the
 * random source, which tests fix.
 */
public final class IntervalPolicy {
  private final PollerOptions options;
  private final RandomGenerator random;

  public IntervalPolicy(PollerOptions options, RandomGenerator random) {
    this.options = options;
    this.random = random;
  }

  /** Where a shard's interval stands: its base interval and how many troubled polls in a row. */
  public record State(Duration interval, int troubleStreak) {}

  public State initial(PollingRange range) {
    return new State(range.min(), 0);
  }

  /** The state after a poll classified as {@code activity}. */
  public State next(State state, Activity activity, PollingRange range) {
    long min = range.min().toNanos();
    long max = range.max().toNanos();
    long current = clamp(state.interval().toNanos(), min, max);
    return switch (activity) {
      case BUSY ->
          new State(Duration.ofNanos(clamp((long) (current * options.busyShrink()), min, max)), 0);
      case QUIET ->
          new State(
              Duration.ofNanos(clamp((long) Math.ceil(current * options.quietGrowth()), min, max)),
              0);
      case TROUBLE -> {
        int streak = state.troubleStreak() + 1;
        // The ceiling doubles with each troubled poll in a row: min, 2min, 4min, ... max.
        long ceiling = min;
        for (int i = 1; i < streak && ceiling < max; i++) {
          ceiling = Math.min(max, ceiling * 2);
        }
        yield new State(Duration.ofNanos(ceiling), streak);
      }
    };
  }

  /**
   * The delay until the next poll. In trouble: full jitter between the minimum and the backoff
   * ceiling (the first retry comes at the minimum). Otherwise: the interval times a factor in
   * {@code [1 - jitter, 1 + jitter]}, so that shards never poll in waves.
   */
  public Duration delay(State state, PollingRange range) {
    long interval = state.interval().toNanos();
    long min = range.min().toNanos();
    if (state.troubleStreak() > 0) {
      long spread = Math.max(0, interval - min);
      long jittered = min + (spread == 0 ? 0 : (long) (random.nextDouble() * spread));
      return Duration.ofNanos(jitter(jittered));
    }
    return Duration.ofNanos(jitter(interval));
  }

  /** A random point in {@code [0, spread)} for a new shard's first poll. */
  public Duration initialDelay() {
    long spread = options.initialSpread().toNanos();
    return Duration.ofNanos(spread <= 0 ? 0 : (long) (random.nextDouble() * spread));
  }

  private long jitter(long nanos) {
    double j = options.jitter();
    if (j == 0) {
      return nanos;
    }
    double factor = 1 - j + random.nextDouble() * 2 * j;
    return (long) (nanos * factor);
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }
}
