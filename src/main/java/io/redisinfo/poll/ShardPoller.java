package io.redisinfo.poll;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import io.redisinfo.info.Info;
import io.redisinfo.info.InfoSummarizer;
import io.redisinfo.info.InfoSummary;
import io.redisinfo.info.InfoText;
import io.redisinfo.shard.PollingRange;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardSnapshot;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one shard: keeps its connection, runs INFO on schedule or on demand (never two at once),
 * publishes each result as a snapshot and schedules the next poll. State is guarded by this
 * object's lock; Redis I/O runs on Lettuce's event loops, never under the lock.
 */
final class ShardPoller implements InfoDeadlines.Watched {
  private static final Logger LOG = LoggerFactory.getLogger(ShardPoller.class);

  /** ops/s is measured over at least this long, whatever the poll interval. */
  private static final long RATE_WINDOW_NANOS = 900_000_000L;

  /** The shortest wait of a poll that yields to the start-up sweep's first polls. */
  private static final long MIN_YIELD_NANOS = 10_000_000L;

  /** The longest tick polls are aligned to (see {@link #onTick}). */
  private static final long MAX_TICK_NANOS = 500_000_000L;

  private final Shard shard;
  private final PollerContext context;

  private StatefulRedisConnection<String, String> connection;

  /** The connection's INFO handler once its first INFO found it, else null (see InfoChannel). */
  private InfoChannel infoChannel;

  private CompletableFuture<ShardSnapshot> inFlight;

  /** The poll in flight's chain, and when its INFO was sent (0 while still connecting). */
  private CompletableFuture<ReplyParser.Parsed> pollChain;

  /** The text of the last reply, which the next one is compared with (see InfoText). */
  private final InfoText lastReply = new InfoText();

  /**
   * Reads a reply where Lettuce hands it over, against this shard's last INFO: one INFO is in
   * flight at a time, so that is still the last one when the reply comes. One instance, not one per
   * poll.
   */
  private final Function<ByteBuffer, ReplyParser.Parsed> replyReader;

  private long infoSinceNanos;
  private ScheduledFuture<?> scheduled;
  private ScheduledPoll scheduledPoll;
  private IntervalPolicy.State interval;

  /** The INFO this connection's server answers usefully; probed again on every new connection. */
  private InfoSection section = InfoSection.EVERYTHING;

  /** The ops/s baseline: only what the rate needs of an earlier INFO (see rateBaseline). */
  private Info previousInfo;

  private long previousInfoNanos;
  private boolean closed;

  /** Whether this shard's first poll is counted in the start-up sweep and not finished yet. */
  private boolean inStartupSweep;

  /** When the last poll started (0 before the first). */
  private long lastPollNanos;

  ShardPoller(Shard shard, PollerContext context) {
    this.shard = shard;
    this.context = context;
    this.interval = context.policy().initial(range());
    this.replyReader = bytes -> context.replies().parse(bytes, shard.snapshot().info(), lastReply);
  }

  private PollingRange range() {
    PollingRange own = shard.spec().polling();
    return own != null ? own.resolve(context.options().range()) : context.options().range();
  }

  synchronized void start() {
    inStartupSweep = context.startupSweep().join();
    schedule(context.policy().initialDelay());
  }

  /** This shard's first poll is over (or it will never come): the sweep need not wait for it. */
  private void leaveStartupSweep() {
    if (inStartupSweep) {
      inStartupSweep = false;
      context.startupSweep().leave();
    }
  }

  /**
   * Whether a scheduled poll should wait a tick: other shards still await their first poll of the
   * start-up sweep, this one has had its own, and its last poll is younger than its longest
   * interval (no data gets older than that for the sweep's sake).
   */
  private boolean yieldsToFirstPolls(long nowNanos) {
    return lastPollNanos != 0
        && !inStartupSweep
        && context.startupSweep().firstPollsDue()
        && nowNanos - lastPollNanos < range().max().toNanos();
  }

  /** Polls now, or joins the poll in flight. */
  CompletableFuture<ShardSnapshot> pollNow() {
    CompletableFuture<ShardSnapshot> result;
    StatefulRedisConnection<String, String> open;
    long start = System.nanoTime();
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("shard " + shard.id() + " was removed"));
      }
      if (inFlight != null) {
        return inFlight;
      }
      cancelScheduled();
      lastPollNanos = start;
      result = new CompletableFuture<>();
      inFlight = result;
      open = connection != null && connection.isOpen() ? connection : null;
      if (open != null) {
        infoSinceNanos = start;
      }
    }
    if (open != null) {
      context.deadlines().sent(start);
    }
    CompletableFuture<ReplyParser.Parsed> chain =
        open != null
            ? info(open)
            : connect()
                .thenCompose(
                    c -> {
                      long sent = System.nanoTime();
                      synchronized (this) {
                        infoSinceNanos = sent;
                      }
                      context.deadlines().sent(sent);
                      return info(c);
                    });
    synchronized (this) {
      if (inFlight == result) {
        pollChain = chain;
      }
    }
    chain.whenComplete(new Finish(result, start));
    return result;
  }

  /**
   * Ends a poll. A class, not a lambda: C1 code creates a capturing lambda through a method handle
   * and {@code Unsafe.allocateInstance}, which showed in every poll's profile.
   */
  private final class Finish implements BiConsumer<ReplyParser.Parsed, Throwable> {
    private final CompletableFuture<ShardSnapshot> result;
    private final long start;

    Finish(CompletableFuture<ShardSnapshot> result, long start) {
      this.result = result;
      this.start = start;
    }

    @Override
    public void accept(ReplyParser.Parsed reply, Throwable error) {
      finish(result, start, reply, error);
    }
  }

  /**
   * The INFO timeout ({@link InfoDeadlines}): fails the poll whose INFO has run longer than {@code
   * limitNanos} since it was sent (a connect waiting its turn is bounded by its own timeouts). The
   * failed poll drops the connection, which cancels the command still waiting in it.
   */
  @Override
  public long expireIfStuck(long nowNanos, long limitNanos) {
    CompletableFuture<ReplyParser.Parsed> stuck;
    synchronized (this) {
      if (infoSinceNanos == 0) {
        return 0;
      }
      if (pollChain == null || nowNanos - infoSinceNanos <= limitNanos) {
        return infoSinceNanos; // (no chain yet: sent a moment ago, see pollNow)
      }
      stuck = pollChain;
    }
    stuck.completeExceptionally(
        new TimeoutException(
            "INFO did not complete within " + Duration.ofNanos(limitNanos).toMillis() + " ms"));
    return 0;
  }

  /**
   * Runs the INFO this shard's server understands; on an empty, section-less or refused reply falls
   * back to an older form once, remembered until the next connection (which may reach an upgraded
   * server).
   */
  private CompletableFuture<ReplyParser.Parsed> info(
      StatefulRedisConnection<String, String> connection) {
    InfoSection remembered;
    synchronized (this) {
      remembered = section;
    }
    CompletableFuture<ReplyParser.Parsed> reply = new CompletableFuture<>();
    info(connection, remembered, reply);
    return reply;
  }

  private void info(
      StatefulRedisConnection<String, String> connection,
      InfoSection asked,
      CompletableFuture<ReplyParser.Parsed> reply) {
    InfoChannel channel;
    synchronized (this) {
      channel = this.connection == connection ? infoChannel : null;
    }
    CompletionStage<ReplyParser.Parsed> answer =
        channel != null
            ? channel.info(asked, replyReader)
            : InfoCommand.dispatch(connection, asked, replyReader, c -> bind(connection, c))
                .thenApply(InfoCommand.Reply::take);
    answer.whenComplete(new Answer(connection, asked, reply));
  }

  /**
   * Takes an INFO's answer: passes it on, or on an empty, section-less or refused reply asks the
   * older form once (a class, not a lambda: see {@link Finish}).
   */
  private final class Answer implements BiConsumer<ReplyParser.Parsed, Throwable> {
    private final StatefulRedisConnection<String, String> connection;
    private final InfoSection asked;
    private final CompletableFuture<ReplyParser.Parsed> reply;

    Answer(
        StatefulRedisConnection<String, String> connection,
        InfoSection asked,
        CompletableFuture<ReplyParser.Parsed> reply) {
      this.connection = connection;
      this.asked = asked;
      this.reply = reply;
    }

    @Override
    public void accept(ReplyParser.Parsed parsed, Throwable error) {
      InfoSection older = asked.fallback();
      boolean unusable =
          error == null
              ? parsed == null || parsed.unusable()
              : InfoSection.isRefusedArgument(PollErrors.unwrap(error));
      if (!unusable || older == null) {
        if (error == null) {
          reply.complete(parsed);
        } else {
          reply.completeExceptionally(error);
        }
        return;
      }
      synchronized (ShardPoller.this) {
        if (ShardPoller.this.connection == connection) {
          section = older;
        }
      }
      LOG.info(
          "shard {} answers {} with {}: asking {} instead",
          shard.id(),
          asked.command(),
          error == null ? "no sections" : "an error",
          older.command());
      info(connection, older, reply);
    }
  }

  /**
   * The connection's first INFO (through Lettuce) found its {@link InfoChannel}: the next ones go
   * through it.
   */
  private synchronized void bind(
      StatefulRedisConnection<String, String> connection, InfoChannel channel) {
    if (this.connection == connection) {
      infoChannel = channel;
    }
  }

  /** Whether this shard's INFOs go through its connection's InfoChannel (for tests). */
  synchronized boolean usesInfoChannel() {
    return infoChannel != null && infoChannel.bound();
  }

  /** A new connection (the old one, if any, is closed). */
  private CompletableFuture<StatefulRedisConnection<String, String>> connect() {
    synchronized (this) {
      closeConnection();
    }
    return context
        .connector()
        .connect(shard.spec())
        .thenApply(
            opened -> {
              synchronized (this) {
                if (closed) {
                  opened.closeAsync();
                  throw new IllegalStateException("shard " + shard.id() + " was removed");
                }
                connection = opened;
                infoChannel = null;
                section = InfoSection.EVERYTHING;
              }
              return opened;
            });
  }

  private void finish(
      CompletableFuture<ShardSnapshot> result,
      long start,
      ReplyParser.Parsed reply,
      Throwable error) {
    long now = System.nanoTime();
    ShardSnapshot before = shard.snapshot();
    ShardSnapshot after;
    Activity activity;
    synchronized (this) {
      inFlight = null;
      pollChain = null;
      infoSinceNanos = 0;
      leaveStartupSweep();
      if (closed) {
        result.completeExceptionally(
            new IllegalStateException("shard " + shard.id() + " was removed"));
        return;
      }
      PollingRange range = range();
      if (error == null) {
        Info info = reply == null ? Info.empty() : reply.info();
        InfoSummary summary;
        if (previousInfo != null && now - previousInfoNanos < RATE_WINDOW_NANOS) {
          // Too close to the baseline (an on-demand refresh): a rate over a few milliseconds
          // would be noise, so keep the last rate and the baseline.
          summary = context.summarizer().summarize(info, null, 0);
          summary =
              summary.withOpsPerSec(before.summary() == null ? null : before.summary().opsPerSec());
        } else {
          summary =
              context
                  .summarizer()
                  .summarize(
                      info, previousInfo, previousInfo == null ? 0 : now - previousInfoNanos);
          previousInfo = InfoSummarizer.rateBaseline(info);
          previousInfoNanos = now;
        }
        activity = context.detector().assess(before.summary(), summary);
        interval = context.policy().next(interval, activity, range);
        after =
            new ShardSnapshot(
                info,
                summary,
                now,
                System.currentTimeMillis(),
                true,
                null,
                interval.interval(),
                before.polls() + 1,
                before.failures());
      } else {
        activity = Activity.TROUBLE;
        Throwable cause = PollErrors.unwrap(error);
        if (dropsConnection(cause)) {
          closeConnection();
        }
        PollErrors.Failure failure =
            PollErrors.classify(
                cause, shard.spec().address().toString(), context.options().timeout());
        interval = context.policy().next(interval, activity, range);
        after =
            new ShardSnapshot(
                before.info(),
                before.summary(),
                before.infoAtNanos(),
                before.infoAtEpochMillis(),
                false,
                failure.message(),
                interval.interval(),
                before.polls() + 1,
                before.failures() + 1,
                failure.kind());
      }
      shard.publish(after);
      logTransition(before, after);
      // After an answer we are on the connection's event loop: the next poll starts there, so its
      // write needs no hand-over to the loop and no wake-up of another thread.
      schedule(
          onTick(context.policy().delay(interval, range), range, start, now),
          error == null ? ThreadExecutorMap.currentExecutor() : null);
    }
    context.observer().onPoll(shard, after.failure(), Duration.ofNanos(now - start));
    result.complete(after);
  }

  /**
   * The delay moved to the nearest tick of a clock shared by every shard (the shortest interval, at
   * most 500 ms): polls due within one tick then run one after the other on their event loop, which
   * wakes once for them and finds its caches warm, instead of once per poll. At a few dozen polls a
   * second each lone poll cost about three times what it costs in a row, and a tick of the whole
   * shortest interval instead of half of it cut the event loops' CPU per poll by a quarter at 50
   * shards (docs/BENCHMARKS.md). Intervals, from one poll's start to the next, become multiples of
   * the tick and their mean does not change; a positive delay waits at least until the next tick,
   * however large the jitter.
   */
  static Duration onTick(Duration delay, PollingRange range, long startNanos, long nowNanos) {
    long tick = tick(range).toNanos();
    if (tick <= 0) {
      return delay;
    }
    // Counted from the poll's start, so that the time its answer took (longer when hundreds of
    // polls share a tick) does not push the next one a tick further; from its end after a slow
    // answer, so that a slow server is not asked again at once.
    long from = nowNanos - startNanos < delay.toNanos() / 2 ? startNanos : nowNanos;
    long due = from + delay.toNanos();
    long rounded = Math.floorDiv(due + tick / 2, tick) * tick;
    if (delay.toNanos() > 0) {
      rounded = Math.max(rounded, Math.floorDiv(from, tick) * tick + tick);
    }
    return Duration.ofNanos(Math.max(0, rounded - nowNanos));
  }

  /** Logs when a shard becomes unreachable (or its error changes) and when it is back. */
  private void logTransition(ShardSnapshot before, ShardSnapshot after) {
    if (after.reachable()) {
      if (before.lastError() != null) {
        LOG.info("shard {} ({}) is reachable again", shard.id(), shard.spec().address());
      }
    } else if (!java.util.Objects.equals(before.lastError(), after.lastError())) {
      LOG.warn("shard {} is unreachable: {}", shard.id(), after.lastError());
    }
  }

  /** The clock polls are aligned to: the shortest interval, at most 500 ms. */
  private static Duration tick(PollingRange range) {
    return Duration.ofNanos(Math.min(MAX_TICK_NANOS, range.min().toNanos()));
  }

  /**
   * A server's error reply leaves the connection usable; anything else (timeout, lost connection,
   * garbage) may leave a half-read reply or a dead socket behind, so the next poll reconnects.
   */
  private static boolean dropsConnection(Throwable cause) {
    return !(cause instanceof RedisCommandExecutionException);
  }

  private void schedule(Duration delay) {
    schedule(delay, null);
  }

  /**
   * @param eventLoop the connection's event loop when called on it, else null (the poller's
   *     scheduler thread starts the poll)
   */
  private void schedule(Duration delay, EventExecutor eventLoop) {
    if (closed) {
      return;
    }
    cancelScheduled();
    ScheduledExecutorService on = eventLoop != null ? eventLoop : context.scheduler();
    scheduledPoll = new ScheduledPoll();
    scheduled = on.schedule(scheduledPoll, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void cancelScheduled() {
    if (scheduled != null) {
      scheduled.cancel(false);
      scheduledPoll.started();
      scheduled = null;
      scheduledPoll = null;
    }
  }

  /**
   * A poll waiting to start, counted in {@link PollerContext#scheduledPolls()} until it starts or
   * is cancelled, exactly once: a task that is running can still be "cancelled" successfully.
   */
  private final class ScheduledPoll extends java.util.concurrent.atomic.AtomicBoolean
      implements Runnable {
    ScheduledPoll() {
      super(true);
      context.scheduledPolls().incrementAndGet();
    }

    void started() {
      if (compareAndSet(true, false)) {
        context.scheduledPolls().decrementAndGet();
      }
    }

    @Override
    public void run() {
      // One volatile read on every poll once the sweep is over; the lock only while it lasts.
      if (context.startupSweep().firstPollsDue()) {
        synchronized (ShardPoller.this) {
          if (scheduledPoll == this && !closed && yieldsToFirstPolls(System.nanoTime())) {
            // Ask again a tick later, on the same thread (this connection's event loop or the
            // scheduler); schedule() retires this task and counts its successor.
            schedule(
                Duration.ofNanos(Math.max(MIN_YIELD_NANOS, tick(range()).toNanos())),
                ThreadExecutorMap.currentExecutor());
            return;
          }
        }
      }
      started();
      pollNow();
    }
  }

  /** The address, credentials or TLS changed: reconnect at the next poll, which comes soon. */
  synchronized void reconnect() {
    closeConnection();
    previousInfo = null;
    interval = context.policy().initial(range());
    if (inFlight == null) {
      schedule(context.policy().initialDelay());
    }
  }

  private void closeConnection() {
    if (connection != null) {
      connection.closeAsync();
      connection = null;
      infoChannel = null;
    }
  }

  void close() {
    CompletableFuture<ShardSnapshot> pending;
    synchronized (this) {
      closed = true;
      leaveStartupSweep();
      cancelScheduled();
      closeConnection();
      pending = inFlight;
      inFlight = null;
    }
    if (pending != null) {
      pending.completeExceptionally(
          new IllegalStateException("shard " + shard.id() + " was removed"));
    }
  }
}
