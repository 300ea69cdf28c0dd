package io.redisinfo.app;

import io.redisinfo.poll.PollObserver;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when every shard has been polled once since start, and logs once how long that took from
 * the JVM's start: the figure a user restarting the operator waits for. Only counts once the mode
 * has registered everything it knows at start ({@link #arm()}), so an early poll of the first few
 * shards does not end it.
 */
final class FirstSweep implements PollObserver {
  private static final Logger LOG = LoggerFactory.getLogger(FirstSweep.class);

  private final ShardRegistry shards;
  private final Instant processStart;
  private final AtomicInteger firstPolls = new AtomicInteger();
  private final AtomicInteger firstFailures = new AtomicInteger();
  private volatile boolean armed;
  private volatile boolean done;

  FirstSweep(ShardRegistry shards, Instant processStart) {
    this.shards = shards;
    this.processStart = processStart;
  }

  /** Every shard known at start is registered: from now on, the sweep can end. */
  void arm() {
    armed = true;
    check();
  }

  /** Whether every shard has been polled at least once (successfully or not). */
  boolean done() {
    if (!done) {
      check();
    }
    return done;
  }

  @Override
  public void onPoll(Shard shard, FailureKind failure, Duration duration) {
    if (done || shard.snapshot().polls() != 1) {
      return;
    }
    firstPolls.incrementAndGet();
    if (failure != null) {
      firstFailures.incrementAndGet();
    }
    // Counting first polls keeps this O(1) per poll; the full check runs only near the end.
    if (armed && firstPolls.get() >= shards.size()) {
      check();
    }
  }

  private void check() {
    if (!armed || done || !shards.all().stream().allMatch(s -> s.snapshot().polls() > 0)) {
      return;
    }
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
    }
    int total = shards.size();
    int failed = Math.min(firstFailures.get(), total);
    LOG.info(
        "first poll of all {} shard(s) done {} s after the process started: {} answered, {}"
            + " failed",
        total,
        String.format(
            java.util.Locale.ROOT,
            "%.2f",
            Duration.between(processStart, Instant.now()).toMillis() / 1000.0),
        total - failed,
        failed);
  }
}
