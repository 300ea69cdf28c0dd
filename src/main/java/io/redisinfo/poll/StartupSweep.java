package io.redisinfo.poll;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first poll of every shard known at start-up comes before anyone's second poll. A shard's
 * interval starts at the minimum, so without this the shards polled first were asked again (and
 * again) while hundreds of others still waited for their first answer: a third more INFOs in the
 * first sweep of 1000 shards (docs/BENCHMARKS.md).
 *
 * <p>Lasts until the first time no counted shard awaits its first poll once every shard known at
 * start is registered ({@link #hold}, {@link #release}): a mode registers its shards one by one
 * while polling has begun, and a few shards answering before the rest were even registered must not
 * end it (in a first start of 1000 shards that let a third more INFOs into the sweep). Shards added
 * later (new pods, edited files) never hold anyone back. Thread-safe.
 */
final class StartupSweep {
  private final AtomicInteger awaiting = new AtomicInteger();
  private volatile boolean over;

  /** Whether shards known at start may still be coming (see {@link #hold}). */
  private volatile boolean held;

  /** Before polling starts: the sweep cannot end until {@link #release}. */
  void hold() {
    held = true;
  }

  /** Every shard known at start is registered: the sweep ends once none awaits its first poll. */
  void release() {
    held = false;
    // After the write above, like leave() after its decrement: one of the two sees the other.
    if (awaiting.get() <= 0) {
      over = true;
    }
  }

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
    if (awaiting.decrementAndGet() <= 0 && !held) {
      over = true;
    }
  }

  /** Whether polls after a shard's first should wait: first polls of the sweep are still due. */
  boolean firstPollsDue() {
    return !over && awaiting.get() > 0;
  }
}
