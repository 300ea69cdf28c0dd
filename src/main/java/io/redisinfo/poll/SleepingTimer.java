package io.redisinfo.poll;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty's {@link Timer} on a {@link ScheduledThreadPoolExecutor}, for Lettuce's connect and
 * handshake deadlines, the only timeouts it still sets here. Its thread sleeps until a task is due;
 * Netty's {@code HashedWheelTimer} wakes at every tick for as long as the process lives, even with
 * nothing to do: 0.4 ms of CPU a second at a 250 ms tick, a tenth of an idle operator's CPU
 * (docs/BENCHMARKS.md).
 */
final class SleepingTimer implements Timer {
  private static final Logger LOG = LoggerFactory.getLogger(SleepingTimer.class);

  private final ScheduledThreadPoolExecutor executor;

  SleepingTimer(String threadName) {
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    // A connect that ends in time cancels its deadline: drop it now rather than when it is due.
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
    ScheduledTimeout timeout = new ScheduledTimeout(task);
    timeout.future = executor.schedule(timeout, delay, unit);
    return timeout;
  }

  /** Stops the thread; deadlines still waiting are dropped (Lettuce keeps none across a stop). */
  @Override
  public Set<Timeout> stop() {
    executor.shutdownNow();
    return Set.of();
  }

  private static final int WAITING = 0;
  private static final int CANCELLED = 1;
  private static final int EXPIRED = 2;

  private final class ScheduledTimeout implements Timeout, Runnable {
    private final TimerTask task;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private volatile ScheduledFuture<?> future;

    ScheduledTimeout(TimerTask task) {
      this.task = task;
    }

    @Override
    public void run() {
      if (!state.compareAndSet(WAITING, EXPIRED)) {
        return;
      }
      try {
        task.run(this);
      } catch (Throwable t) {
        // As HashedWheelTimer does: one failing task must not stop the others.
        LOG.warn("timer task {} failed", task, t);
      }
    }

    @Override
    public Timer timer() {
      return SleepingTimer.this;
    }

    @Override
    public TimerTask task() {
      return task;
    }

    @Override
    public boolean isExpired() {
      return state.get() == EXPIRED;
    }

    @Override
    public boolean isCancelled() {
      return state.get() == CANCELLED;
    }

    @Override
    public boolean cancel() {
      if (!state.compareAndSet(WAITING, CANCELLED)) {
        return false;
      }
      ScheduledFuture<?> scheduled = future;
      if (scheduled != null) { // null only while newTimeout is still scheduling it
        scheduled.cancel(false);
      }
      return true;
    }
  }
}
