package io.redisinfo.poll;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first poll of every shard known at start-up comes before anyone's second poll. A shard's
 * interval starts at the minimum, so without this the shards polled first were asked again (and
 * again) while hundreds of others still waited for their first answer: a third more INFOs in the
 * first sweep of 1000 shards (docs/BENCHMARKS.md).
 *
 * <p>Lasts until the first time no counted shard awaits its first poll; shards added later (new
 * pods, edited files) never hold anyone back. Thread-safe.
 */
final class StartupSweep {
  private final AtomicInteger awaiting = new AtomicInteger();
  private volatile boolean over;

  /** Counts a new shard's first poll while the sweep lasts; whether it was counted. */
  boolean join() {
    if (over) {
      return false;
    }
    awaiting.incrementAndGet();
    return true;
  }

  /** A counted shard's first poll finished, successfully or not, or the shard went. */
  void leave() {
    if (awaiting.decrementAndGet() <= 0) {
      over = true;
    }
  }

  /** Whether polls after a shard's first should wait: first polls of the sweep are still due. */
  boolean firstPollsDue() {
    return !over && awaiting.get() > 0;
  }
}
