package io.redisinfo.poll;

import io.redisinfo.info.InfoSummarizer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every {@link ShardPoller} shares. {@code scheduledPolls} counts polls waiting to start,
 * wherever they wait (the scheduler or a connection's event loop).
 */
record PollerContext(
    PollerOptions options,
    RedisConnector connector,
    ScheduledExecutorService scheduler,
    ReplyParser replies,
    InfoSummarizer summarizer,
    ActivityDetector detector,
    IntervalPolicy policy,
    PollObserver observer,
    AtomicInteger scheduledPolls,
    StartupSweep startupSweep,
    InfoDeadlines deadlines) {}
