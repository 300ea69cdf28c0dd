package io.redisinfo.component.status;

import io.redisinfo.info.InfoSummary;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.ShardSnapshot;

/**
 * What of a shard's poll a user can see, at the precision status compares it ({@link
 * ComponentStatus#visiblyEquals}): polls whose states are equal change nothing a user could see, so
 * an adapter can skip them cheaply. Figures are bucketed (-1 when unknown): memory in 1% steps,
 * counts at 2 significant digits, the hit ratio in whole percent, a lag of 0 or 1 s as 0.
 */
public record VisibleShardState(
    boolean reachable,
    FailureKind failure,
    String role,
    String version,
    String link,
    long memoryBucket,
    long maxMemory,
    long keys,
    long clients,
    long ops,
    long hitPercent,
    long evicted,
    long lag,
    long firstTimeouts) {

  public static VisibleShardState of(ShardSnapshot snapshot) {
    InfoSummary s = snapshot.summary();
    return new VisibleShardState(
        snapshot.reachable(),
        snapshot.failure(),
        s == null ? null : s.role(),
        s == null ? null : s.version(),
        s == null ? null : s.masterLinkStatus(),
        s == null || s.usedMemory() == null || s.usedMemory() <= 0
            ? -1
            : Math.round(Math.log(s.usedMemory()) / Math.log(1.01)),
        s == null || s.maxMemory() == null ? -1 : s.maxMemory(),
        s == null ? -1 : twoDigits(s.keys()),
        s == null ? -1 : twoDigits(s.connectedClients()),
        s == null || s.opsPerSec() == null ? -1 : twoDigits(Math.round(s.opsPerSec())),
        s == null || s.hitRatio() == null ? -1 : Math.round(s.hitRatio() * 100),
        s == null ? -1 : twoDigits(s.evictedKeys()),
        s == null || s.replicationLagSeconds() == null
            ? -1
            : s.replicationLagSeconds() <= 1 ? 0 : twoDigits(s.replicationLagSeconds()),
        // A shard that never answered turns from "not yet known" into failing after a few
        // timeouts (ComponentStatusAggregator.settled): that is visible too.
        snapshot.info() == null ? Math.min(snapshot.failures(), 3) : 0);
  }

  /** A count at 2 significant digits (1234 -> 1200), as status compares it; -1 when unknown. */
  static long twoDigits(Long value) {
    if (value == null) {
      return -1;
    }
    long v = Math.abs(value);
    long scale = 1;
    while (v >= 100) {
      v = (v + 5) / 10;
      scale *= 10;
    }
    return Long.signum(value) * v * scale;
  }
}
