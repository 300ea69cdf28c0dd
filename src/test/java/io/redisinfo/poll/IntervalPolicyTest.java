package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.shard.PollingRange;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntervalPolicyTest {
  private final PollingRange range =
      new PollingRange(Duration.ofSeconds(1), Duration.ofSeconds(15));
  private final PollerOptions options = PollerOptions.builder().range(range).build();
  private final IntervalPolicy policy = new IntervalPolicy(options, new SplittableRandom(42));

  @Test
  void quietPollsGrowTheIntervalStepByStepToTheMaximum() {
    IntervalPolicy.State state = policy.initial(range);
    assertThat(state.interval()).isEqualTo(Duration.ofSeconds(1));
    state = policy.next(state, Activity.QUIET, range);
    assertThat(state.interval()).isEqualTo(Duration.ofMillis(1500));
    for (int i = 0; i < 20; i++) {
      state = policy.next(state, Activity.QUIET, range);
    }
    assertThat(state.interval()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void busyPollsHalveTheIntervalDownToTheMinimum() {
    IntervalPolicy.State state = new IntervalPolicy.State(Duration.ofSeconds(15), 0);
    state = policy.next(state, Activity.BUSY, range);
    assertThat(state.interval()).isEqualTo(Duration.ofMillis(7500));
    for (int i = 0; i < 10; i++) {
      state = policy.next(state, Activity.BUSY, range);
    }
    assertThat(state.interval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void troubleBacksOffExponentiallyFromTheMinimumToTheMaximum() {
    IntervalPolicy.State state = new IntervalPolicy.State(Duration.ofSeconds(15), 0);
    long[] expectedCeilings = {1, 2, 4, 8, 15, 15};
    for (long expected : expectedCeilings) {
      state = policy.next(state, Activity.TROUBLE, range);
      assertThat(state.interval()).isEqualTo(Duration.ofSeconds(expected));
    }
    assertThat(state.troubleStreak()).isEqualTo(6);
    state = policy.next(state, Activity.QUIET, range);
    assertThat(state.troubleStreak()).isZero();
  }

  @Test
  void troubleDelaysAreFullyJitteredBetweenMinimumAndCeiling() {
    IntervalPolicy.State state = new IntervalPolicy.State(Duration.ofSeconds(8), 4);
    long smallest = Long.MAX_VALUE;
    long largest = 0;
    for (int i = 0; i < 2000; i++) {
      long delay = policy.delay(state, range).toMillis();
      smallest = Math.min(smallest, delay);
      largest = Math.max(largest, delay);
    }
    assertThat(smallest).isBetween(900L, 1300L);
    assertThat(largest).isBetween(8000L, 8800L);
  }

  @Test
  void everyDelayIsJitteredSoShardsDoNotPollInWaves() {
    IntervalPolicy.State state = new IntervalPolicy.State(Duration.ofSeconds(10), 0);
    long smallest = Long.MAX_VALUE;
    long largest = 0;
    for (int i = 0; i < 2000; i++) {
      long delay = policy.delay(state, range).toMillis();
      smallest = Math.min(smallest, delay);
      largest = Math.max(largest, delay);
    }
    assertThat(smallest).isBetween(9000L, 9100L);
    assertThat(largest).isBetween(10900L, 11000L);
  }

  @Test
  void aShardsOwnRangeBoundsItsInterval() {
    PollingRange own = new PollingRange(Duration.ofMillis(200), Duration.ofMillis(500));
    IntervalPolicy.State state = new IntervalPolicy.State(Duration.ofSeconds(10), 0);
    assertThat(policy.next(state, Activity.QUIET, own).interval())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(policy.next(state, Activity.BUSY, own).interval()).isEqualTo(Duration.ofMillis(250));
  }
}
