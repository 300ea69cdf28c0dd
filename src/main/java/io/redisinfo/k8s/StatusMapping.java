package io.redisinfo.k8s;

import io.fabric8.kubernetes.api.model.Condition;
import io.redisinfo.common.GoDuration;
import io.redisinfo.component.status.ComponentCondition;
import io.redisinfo.component.status.ComponentStatus;
import io.redisinfo.resource.RedisComponentStatus;
import io.redisinfo.resource.ShardStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps the core {@link ComponentStatus} to the resource's {@link RedisComponentStatus}, and back.
 */
final class StatusMapping {
  private StatusMapping() {}

  static RedisComponentStatus toResource(ComponentStatus s) {
    RedisComponentStatus r = new RedisComponentStatus();
    r.setObservedGeneration(s.observedGeneration());
    r.setConditions(s.conditions().stream().map(StatusMapping::toResource).toList());
    r.setEndpoint(s.primaryAddress());
    r.setRole(s.role());
    r.setRedisVersion(s.version());
    r.setUsedMemory(s.usedMemory());
    r.setMaxMemory(s.maxMemory());
    r.setUsedMemoryHuman(s.usedMemoryHuman());
    r.setOpsPerSec(s.opsPerSec() == null ? null : Math.round(s.opsPerSec() * 10) / 10.0);
    r.setConnectedClients(s.connectedClients());
    r.setKeys(s.keys());
    r.setHitRatio(s.hitRatio() == null ? null : Math.round(s.hitRatio() * 10_000) / 10_000.0);
    r.setHitRatioPercent(
        s.hitRatio() == null ? null : String.format(Locale.ROOT, "%.1f%%", s.hitRatio() * 100));
    r.setEvictedKeys(s.evictedKeys());
    r.setMasterLinkStatus(s.masterLinkStatus());
    r.setReplicationLagSeconds(s.replicationLagSeconds());
    r.setLastPollTime(
        s.lastPollTime() == null
            ? null
            : s.lastPollTime().truncatedTo(ChronoUnit.SECONDS).toString());
    r.setPollInterval(s.pollInterval() == null ? null : GoDuration.format(s.pollInterval()));
    r.setReadyShards(s.ready());
    List<ShardStatus> shards = new ArrayList<>();
    for (io.redisinfo.component.status.ShardStatus shard : s.shards()) {
      ShardStatus entry = new ShardStatus();
      entry.setId(shard.id());
      entry.setAddress(shard.address());
      entry.setPod(shard.pod());
      entry.setRole(shard.role());
      entry.setReachable(shard.reachable());
      entry.setLastError(shard.lastError());
      shards.add(entry);
    }
    r.setShards(shards);
    return r;
  }

  static Condition toResource(ComponentCondition c) {
    Condition condition = new Condition();
    condition.setType(c.type());
    condition.setStatus(c.status());
    condition.setReason(c.reason());
    condition.setMessage(c.message());
    condition.setLastTransitionTime(
        c.lastTransitionTime().truncatedTo(ChronoUnit.SECONDS).toString());
    condition.setObservedGeneration(c.observedGeneration());
    return condition;
  }

  /**
   * The status stored on a resource, read back into the core form (what a restarted operator or a
   * new leader compares its own with, so that it writes only what differs), or null when none.
   * Figures rounded when written compare equal under {@link ComponentStatus#visiblyEquals}.
   */
  static ComponentStatus fromResource(RedisComponentStatus r) {
    if (r == null || r.getConditions() == null) {
      return null;
    }
    List<io.redisinfo.component.status.ShardStatus> shards = new ArrayList<>();
    if (r.getShards() != null) {
      for (ShardStatus entry : r.getShards()) {
        shards.add(
            new io.redisinfo.component.status.ShardStatus(
                entry.getId(),
                entry.getAddress(),
                entry.getPod(),
                entry.getRole(),
                Boolean.TRUE.equals(entry.getReachable()),
                entry.getLastError()));
      }
    }
    int readyShards = 0;
    int totalShards = 0;
    if (r.getReadyShards() != null) {
      String[] parts = r.getReadyShards().split("/");
      try {
        readyShards = Integer.parseInt(parts[0]);
        totalShards = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      } catch (NumberFormatException e) {
        // not ours: compares unequal, and the next write replaces it
      }
    }
    Instant lastPoll = null;
    Duration interval = null;
    try {
      lastPoll = r.getLastPollTime() == null ? null : Instant.parse(r.getLastPollTime());
      interval = r.getPollInterval() == null ? null : GoDuration.parse(r.getPollInterval());
    } catch (RuntimeException e) {
      // idem
    }
    return new ComponentStatus(
        r.getObservedGeneration() == null ? 0 : r.getObservedGeneration(),
        r.getEndpoint(),
        r.getRole(),
        r.getRedisVersion(),
        r.getUsedMemory(),
        r.getMaxMemory(),
        r.getOpsPerSec(),
        r.getConnectedClients(),
        r.getKeys(),
        r.getHitRatio(),
        r.getEvictedKeys(),
        r.getMasterLinkStatus(),
        r.getReplicationLagSeconds(),
        lastPoll,
        interval,
        readyShards,
        totalShards,
        shards,
        conditionsOf(r));
  }

  /** The conditions of a resource's status; unreadable entries are skipped. */
  static List<ComponentCondition> conditionsOf(RedisComponentStatus status) {
    List<ComponentCondition> conditions = new ArrayList<>();
    if (status == null || status.getConditions() == null) {
      return conditions;
    }
    for (Condition c : status.getConditions()) {
      try {
        conditions.add(
            new ComponentCondition(
                c.getType(),
                c.getStatus(),
                c.getReason() == null ? "" : c.getReason(),
                c.getMessage(),
                Instant.parse(c.getLastTransitionTime()),
                c.getObservedGeneration() == null ? 0 : c.getObservedGeneration()));
      } catch (RuntimeException e) {
        // a condition written by someone else in another form: not ours to keep
      }
    }
    return conditions;
  }
}
