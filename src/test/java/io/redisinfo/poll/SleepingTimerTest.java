package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.util.Timeout;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SleepingTimerTest {
  @Test
  void runsATaskOnceWhenDueAndMarksItExpired() throws Exception {
    SleepingTimer timer = new SleepingTimer("test-timer");
    try {
      AtomicReference<Timeout> ran = new AtomicReference<>();
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(1);
      Timeout timeout =
          timer.newTimeout(
              t -> {
                ran.set(t);
                runs.incrementAndGet();
                done.countDown();
              },
              20,
              TimeUnit.MILLISECONDS);
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(ran.get()).isSameAs(timeout);
      await().atMost(Duration.ofSeconds(5)).until(timeout::isExpired);
      assertThat(timeout.isCancelled()).isFalse();
      assertThat(timeout.cancel()).isFalse();
      assertThat(timeout.timer()).isSameAs(timer);
      assertThat(runs).hasValue(1);
    } finally {
      timer.stop();
    }
  }

  @Test
  void aCancelledTaskNeverRunsAndAFailingOneDoesNotStopTheOthers() throws Exception {
    SleepingTimer timer = new SleepingTimer("test-timer");
    try {
      AtomicInteger cancelledRuns = new AtomicInteger();
      Timeout cancelled =
          timer.newTimeout(t -> cancelledRuns.incrementAndGet(), 50, TimeUnit.MILLISECONDS);
      assertThat(cancelled.cancel()).isTrue();
      assertThat(cancelled.cancel()).isFalse();
      assertThat(cancelled.isCancelled()).isTrue();

      timer.newTimeout(
          t -> {
            throw new IllegalStateException("boom");
          },
          0,
          TimeUnit.MILLISECONDS);
      // Due after the cancelled one: by the time it runs, the cancelled one would have run.
      CountDownLatch later = new CountDownLatch(1);
      timer.newTimeout(t -> later.countDown(), 150, TimeUnit.MILLISECONDS);
      assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(cancelledRuns).hasValue(0);
      assertThat(cancelled.isExpired()).isFalse();
    } finally {
      timer.stop();
    }
  }

  @Test
  void refusesNewTasksOnceStopped() {
    SleepingTimer timer = new SleepingTimer("test-timer");
    timer.stop();
    assertThatThrownBy(() -> timer.newTimeout(t -> {}, 1, TimeUnit.MILLISECONDS))
        .isInstanceOf(RejectedExecutionException.class);
  }
}
