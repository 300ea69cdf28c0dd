package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.shard.PollingRange;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Polls due within one tick start together (ShardPoller#onTick). */
class PollTickTest {
  private static final PollingRange DEFAULT =
      new PollingRange(Duration.ofSeconds(1), Duration.ofSeconds(15));

  @Test
  void delaysMoveToTheNearestTickOfOneSharedClock() {
    long ms = 1_000_000L;
    // Ticks of 500 ms (the 1 s minimum, at most 500 ms) on the nanoTime clock.
    assertThat(ShardPoller.onTick(Duration.ofMillis(1200), DEFAULT, 10 * ms, 10 * ms))
        .isEqualTo(Duration.ofMillis(990)); // due at 1210 ms -> 1000 ms
    assertThat(ShardPoller.onTick(Duration.ofMillis(1300), DEFAULT, 10 * ms, 10 * ms))
        .isEqualTo(Duration.ofMillis(1490)); // due at 1310 ms -> 1500 ms
    // Two shards polled at different moments, due within one tick: one start.
    long a =
        1000 * ms
            + ShardPoller.onTick(Duration.ofMillis(500), DEFAULT, 1000 * ms, 1000 * ms).toNanos();
    long b =
        1080 * ms
            + ShardPoller.onTick(Duration.ofMillis(600), DEFAULT, 1080 * ms, 1080 * ms).toNanos();
    assertThat(a).isEqualTo(b).isEqualTo(1500 * ms);
  }

  @Test
  void theIntervalCountsFromThePollsStartUnlessItsAnswerWasSlow() {
    long ms = 1_000_000L;
    // Started on a tick at 1000 ms, answered 140 ms later (a crowded tick): next start at 1500.
    assertThat(ShardPoller.onTick(Duration.ofMillis(500), DEFAULT, 1000 * ms, 1140 * ms))
        .isEqualTo(Duration.ofMillis(360));
    // Answered after 400 ms (slow): a full interval from the answer, 1400 + 500 -> 2000 ms.
    assertThat(ShardPoller.onTick(Duration.ofMillis(500), DEFAULT, 1000 * ms, 1400 * ms))
        .isEqualTo(Duration.ofMillis(600));
  }

  @Test
  void shortIntervalsGetShortTicksAndNoDelayIsNegative() {
    PollingRange fast = new PollingRange(Duration.ofMillis(50), Duration.ofMillis(100));
    long ms = 1_000_000L;
    assertThat(ShardPoller.onTick(Duration.ofMillis(52), fast, 0, 0))
        .isEqualTo(Duration.ofMillis(50));
    assertThat(ShardPoller.onTick(Duration.ZERO, fast, 7 * ms, 7 * ms)).isEqualTo(Duration.ZERO);
    // A delay jittered far below the tick still waits for the next one.
    assertThat(ShardPoller.onTick(Duration.ofMillis(10), fast, 100 * ms, 100 * ms))
        .isEqualTo(Duration.ofMillis(50));
  }
}
