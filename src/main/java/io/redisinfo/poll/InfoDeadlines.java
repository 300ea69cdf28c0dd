package io.redisinfo.poll;

import java.util.Collection;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The INFO timeout of every shard, checked by one task instead of a timer per command (2000 polls/s
 * at 1000 busy shards), and only while an INFO may be waiting for its answer. A poll without an
 * answer fails between one and one and a quarter timeouts after it was sent.
 *
 * <p>Why not a fixed-rate check: it woke the scheduler thread several times a second for ever, and
 * at a few dozen shards those wake-ups cost about a tenth of all the CPU (docs/BENCHMARKS.md). Now
 * the first INFO sent when no check is pending asks for one at its deadline; a check that finds
 * INFOs still unanswered asks for the next one at the earliest of their deadlines, and one that
 * finds none asks for nothing. So every INFO sent is covered by a check due no later than its own
 * deadline plus the slack.
 */
final class InfoDeadlines {
  private static final long NONE = Long.MAX_VALUE;

  /** What a check looks at: each poller fails its INFO if it is overdue (see ShardPoller). */
  interface Watched {
    /**
     * Fails the INFO in flight if it was sent more than {@code limitNanos} before {@code nowNanos}.
     *
     * @return when the INFO still in flight was sent, or 0 if none is (or it just failed)
     */
    long expireIfStuck(long nowNanos, long limitNanos);
  }

  private final ScheduledExecutorService scheduler;
  private final long limitNanos;
  private final long slackNanos;
  private final Supplier<? extends Collection<? extends Watched>> watched;

  /** When the pending check is due, or NONE when none is pending. */
  private final AtomicLong pendingAt = new AtomicLong(NONE);

  InfoDeadlines(
      ScheduledExecutorService scheduler,
      long limitNanos,
      Supplier<? extends Collection<? extends Watched>> watched) {
    this.scheduler = scheduler;
    this.limitNanos = limitNanos;
    this.slackNanos = Math.max(limitNanos / 4, TimeUnit.MILLISECONDS.toNanos(10));
    this.watched = watched;
  }

  /**
   * An INFO was sent at {@code sentNanos} (call after recording it where {@link
   * Watched#expireIfStuck} sees it): a check is asked for unless one is pending, which covers it.
   */
  void sent(long sentNanos) {
    if (pendingAt.get() == NONE) {
      long due = sentNanos + limitNanos + slackNanos;
      if (pendingAt.compareAndSet(NONE, due)) {
        schedule(due);
      }
    }
  }

  private void schedule(long dueNanos) {
    try {
      scheduler.schedule(this::check, dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      pendingAt.set(NONE); // the poller is closing
    }
  }

  /** Runs on the scheduler thread. */
  void check() {
    // Cleared first: an INFO sent from now on asks for its own check, one sent before is seen
    // below.
    pendingAt.set(NONE);
    long now = System.nanoTime();
    long earliest = NONE;
    for (Watched w : watched.get()) {
      long since = w.expireIfStuck(now, limitNanos);
      if (since != 0 && since < earliest) {
        earliest = since;
      }
    }
    if (earliest != NONE) {
      long due = earliest + limitNanos + slackNanos;
      // A check another INFO asked for meanwhile may come later than this one must: schedule
      // anyway (a check that finds nothing is harmless).
      pendingAt.accumulateAndGet(due, Math::min);
      schedule(due);
    }
  }

  /** Whether a check is pending (for tests). */
  boolean pending() {
    return pendingAt.get() != NONE;
  }
}
