package io.redisinfo.poll;

import io.redisinfo.info.InfoParser;
import io.redisinfo.info.InfoSummarizer;
import java.util.concurrent.ScheduledExecutorService;

/** What every {@link ShardPoller} shares. */
record PollerContext(
    PollerOptions options,
    RedisConnector connector,
    ScheduledExecutorService scheduler,
    InfoParser parser,
    InfoSummarizer summarizer,
    ActivityDetector detector,
    IntervalPolicy policy,
    PollObserver observer) {}
