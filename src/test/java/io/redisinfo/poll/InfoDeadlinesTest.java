package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The INFO deadline check runs only while an INFO may be waiting for its answer. */
class InfoDeadlinesTest {
  private static final long LIMIT = TimeUnit.MILLISECONDS.toNanos(200);

  /** For tests that must see a check pending: none falls due while they run, however slow. */
  private static final long NEVER_DUE = TimeUnit.HOURS.toNanos(1);

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

  /** An INFO sent at {@code since} (0: none in flight) that fails once overdue. */
  private static class FakePoll implements InfoDeadlines.Watched {
    volatile long since;
    volatile int checks;
    volatile boolean expired;

    @Override
    public long expireIfStuck(long nowNanos, long limitNanos) {
      checks++;
      if (since == 0) {
        return 0;
      }
      if (!overdue(nowNanos, limitNanos)) {
        return since;
      }
      expired = true;
      since = 0;
      return 0;
    }

    boolean overdue(long nowNanos, long limitNanos) {
      return nowNanos - since > limitNanos;
    }
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void nothingIsCheckedUntilAnInfoIsSentAndOneCheckCoversManyInfos() {
    FakePoll poll = new FakePoll();
    InfoDeadlines deadlines = new InfoDeadlines(scheduler, NEVER_DUE, () -> List.of(poll));
    assertThat(scheduler.getQueue()).isEmpty();
    assertThat(deadlines.pending()).isFalse();

    long now = System.nanoTime();
    deadlines.sent(now);
    deadlines.sent(now + 1);
    deadlines.sent(now + 2);
    assertThat(scheduler.getQueue()).hasSize(1);
    assertThat(deadlines.pending()).isTrue();
  }

  @Test
  void anUnansweredInfoFailsAfterItsDeadlineAndThenNoCheckIsLeft() {
    FakePoll poll = new FakePoll();
    InfoDeadlines deadlines = new InfoDeadlines(scheduler, LIMIT, () -> List.of(poll));
    long sent = System.nanoTime();
    poll.since = sent;
    deadlines.sent(sent);

    await().atMost(Duration.ofSeconds(5)).until(() -> poll.expired);
    long failedAfter = System.nanoTime() - sent;
    assertThat(failedAfter).isGreaterThan(LIMIT);
    await().atMost(Duration.ofSeconds(5)).until(() -> !deadlines.pending());
    assertThat(scheduler.getQueue()).isEmpty();
  }

  @Test
  void aCheckThatFindsAnInfoStillInFlightAsksForTheNextOne() {
    FakePoll answered = new FakePoll();
    // Still in flight at the first check however late the scheduler runs it; overdue at the next.
    FakePoll later =
        new FakePoll() {
          @Override
          boolean overdue(long nowNanos, long limitNanos) {
            return checks >= 2;
          }
        };
    InfoDeadlines deadlines = new InfoDeadlines(scheduler, LIMIT, () -> List.of(answered, later));
    long first = System.nanoTime();
    answered.since = first;
    deadlines.sent(first);
    answered.since = 0; // answered in time
    // A second INFO, sent while the first one's check is pending, asks for none of its own.
    later.since = first + LIMIT / 2;
    deadlines.sent(later.since);
    assertThat(deadlines.pending()).isTrue();

    // The check at the first INFO's deadline finds the second in flight and asks again for it.
    await().atMost(Duration.ofSeconds(5)).until(() -> later.expired);
    assertThat(answered.expired).isFalse();
    assertThat(later.checks).isGreaterThanOrEqualTo(2);
    await().atMost(Duration.ofSeconds(5)).until(() -> !deadlines.pending());
  }

  @Test
  void aCheckThatFindsNothingInFlightAsksForNone() {
    FakePoll poll = new FakePoll();
    InfoDeadlines deadlines = new InfoDeadlines(scheduler, NEVER_DUE, () -> List.of(poll));
    deadlines.sent(System.nanoTime());
    deadlines.check();
    assertThat(deadlines.pending()).isFalse();
    assertThat(poll.checks).isEqualTo(1);
  }
}
