package io.redisinfo.poll;

import io.redisinfo.info.InfoParser;
import io.redisinfo.info.InfoSummarizer;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardListener;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Polls INFO of every shard in a registry, each on its own adaptive schedule (see {@link
 * IntervalPolicy}). One scheduler thread only starts polls; the I/O is asynchronous on Lettuce's
 * shared event loops, so a slow or frozen server never delays another shard.
 */
public final class AdaptivePoller implements ShardListener, InfoRefresher, AutoCloseable {
  private final ShardRegistry registry;
  private final PollerContext context;
  private final ScheduledThreadPoolExecutor scheduler;
  private final ConcurrentHashMap<String, ShardPoller> pollers = new ConcurrentHashMap<>();

  public AdaptivePoller(ShardRegistry registry, PollerOptions options, PollObserver observer) {
    this(registry, options, observer, RandomGenerator.getDefault());
  }

  AdaptivePoller(
      ShardRegistry registry,
      PollerOptions options,
      PollObserver observer,
      RandomGenerator random) {
    this.registry = registry;
    AtomicInteger threads = new AtomicInteger();
    this.scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "redisinfo-poll-scheduler-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    this.context =
        new PollerContext(
            options,
            new RedisConnector(options.timeout()),
            scheduler,
            new ReplyParser(new InfoParser()),
            new InfoSummarizer(),
            new ActivityDetector(options),
            new IntervalPolicy(options, random),
            Objects.requireNonNull(observer),
            new AtomicInteger(),
            new StartupSweep(),
            new InfoDeadlines(scheduler, options.timeout().toNanos(), pollers::values));
    // Warm the connect path on the scheduler thread now, while the caller is still loading
    // shards, so that the first polls (queued behind it on this thread) find it warm.
    scheduler.execute(context.connector()::warmUp);
  }

  /**
   * Before {@link #start}: the caller registers the shards it knows at start one by one after
   * polling began, and says when it is done ({@link #allShardsKnown}); until then the start-up
   * sweep (first polls before second polls) cannot end early.
   */
  public void expectShardsAtStart() {
    context.startupSweep().hold();
  }

  /** Every shard known at start is registered (see {@link #expectShardsAtStart}). */
  public void allShardsKnown() {
    context.startupSweep().release();
  }

  /** Starts polling every shard in the registry now and every shard added later. */
  public void start() {
    registry.addListener(this);
    for (Shard shard : registry.all()) {
      onAdded(shard);
    }
  }

  @Override
  public void onAdded(Shard shard) {
    ShardPoller poller = new ShardPoller(shard, context);
    ShardPoller previous = pollers.put(shard.id(), poller);
    if (previous != null) {
      previous.close();
    }
    poller.start();
  }

  @Override
  public void onUpdated(Shard shard, ShardSpec previous) {
    ShardSpec current = shard.spec();
    boolean reachDiffers =
        !current.address().equals(previous.address())
            || !current.credentials().equals(previous.credentials())
            || current.tls() != previous.tls();
    ShardPoller poller = pollers.get(shard.id());
    if (poller != null && reachDiffers) {
      poller.reconnect();
    }
  }

  @Override
  public void onRemoved(Shard shard) {
    ShardPoller poller = pollers.remove(shard.id());
    if (poller != null) {
      poller.close();
    }
  }

  @Override
  public CompletableFuture<ShardSnapshot> refresh(String shardId) {
    ShardPoller poller = pollers.get(shardId);
    if (poller == null) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("unknown shard '" + shardId + "'"));
    }
    return poller.pollNow();
  }

  /** Shards being polled (for tests and metrics). */
  public int pollerCount() {
    return pollers.size();
  }

  /** Shards whose INFOs go through their connection's {@link InfoChannel} (for tests). */
  int infoChannelsBound() {
    return (int) pollers.values().stream().filter(ShardPoller::usesInfoChannel).count();
  }

  /** Polls waiting to start, on the scheduler or an event loop (for leak checks). */
  public int scheduledCount() {
    return context.scheduledPolls().get();
  }

  @Override
  public void close() {
    registry.removeListener(this);
    pollers.values().forEach(ShardPoller::close);
    pollers.clear();
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    context.connector().close();
  }
}
