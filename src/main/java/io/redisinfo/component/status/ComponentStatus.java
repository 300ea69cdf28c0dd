package io.redisinfo.component.status;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The summarized state of one component, shared by the Kubernetes status writer and the HTTP
 * components API. The figures are the primary's (see {@link ComponentStatusAggregator}); every
 * figure is null when unknown.
 *
 * @param observedGeneration the component generation this status was computed from
 * @param primaryAddress {@code host:port} of the primary shard, or null without shards
 * @param lastPollTime wall-clock time of the newest INFO among the shards, or null
 * @param pollInterval the primary's current poll interval, or null
 * @param readyShards shards whose last poll succeeded
 * @param totalShards shards of the component
 * @param shards one entry per shard, sorted by id
 * @param conditions at least {@code Ready}
 */
public record ComponentStatus(
    long observedGeneration,
    String primaryAddress,
    String role,
    String version,
    Long usedMemory,
    Long maxMemory,
    Double opsPerSec,
    Long connectedClients,
    Long keys,
    Double hitRatio,
    Long evictedKeys,
    String masterLinkStatus,
    Long replicationLagSeconds,
    Instant lastPollTime,
    Duration pollInterval,
    int readyShards,
    int totalShards,
    List<ShardStatus> shards,
    List<ComponentCondition> conditions) {

  private static final MathContext TWO_DIGITS = new MathContext(2, RoundingMode.HALF_EVEN);
  private static final String[] UNITS = {"K", "M", "G", "T", "P"};

  public ComponentStatus {
    shards = List.copyOf(shards);
    conditions = List.copyOf(conditions);
  }

  /** This status with other conditions. */
  public ComponentStatus withConditions(List<ComponentCondition> newConditions) {
    return new ComponentStatus(
        observedGeneration,
        primaryAddress,
        role,
        version,
        usedMemory,
        maxMemory,
        opsPerSec,
        connectedClients,
        keys,
        hitRatio,
        evictedKeys,
        masterLinkStatus,
        replicationLagSeconds,
        lastPollTime,
        pollInterval,
        readyShards,
        totalShards,
        shards,
        newConditions);
  }

  /** Ready shards over all shards, e.g. {@code 2/3}, as {@code kubectl get} shows it. */
  public String ready() {
    return readyShards + "/" + totalShards;
  }

  /**
   * {@code usedMemory} as Redis' {@code used_memory_human} and {@code kubectl get} show it: {@code
   * 512B}, {@code 1.21M}; null when unknown.
   */
  public String usedMemoryHuman() {
    if (usedMemory == null) {
      return null;
    }
    if (usedMemory < 1024) {
      return usedMemory + "B";
    }
    double value = usedMemory;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.2f%s", value, UNITS[unit]);
  }

  /** The {@code Ready} condition, or null. */
  public ComponentCondition readyCondition() {
    return Conditions.find(conditions, ComponentCondition.READY);
  }

  /**
   * Whether a user would see a difference between this status and {@code other}, i.e. whether it is
   * worth writing. The rule, chosen so that a steady component is not rewritten on every poll:
   *
   * <ul>
   *   <li>{@code lastPollTime} is ignored (it changes on every poll);
   *   <li>{@code opsPerSec}, {@code keys}, {@code connectedClients} and {@code evictedKeys} are
   *       compared rounded to 2 significant digits (1234 and 1240 are equal, 1234 and 1290 not);
   *       ops/s within 1 of each other are equal too;
   *   <li>{@code usedMemory} and {@code maxMemory} are equal when they differ by less than 1% of
   *       the larger;
   *   <li>{@code hitRatio} is compared in whole percent, as {@code kubectl get} shows it;
   *   <li>{@code replicationLagSeconds} values of 0 and 1 are equal (the sample jitters between
   *       them on a healthy link); larger ones are compared at 2 significant digits;
   *   <li>everything else (addresses, role, version, link status, poll interval, ready shards, each
   *       shard entry and every condition, its transition time included) must be equal.
   * </ul>
   */
  public boolean visiblyEquals(ComponentStatus other) {
    if (other == null) {
      return false;
    }
    return observedGeneration == other.observedGeneration
        && Objects.equals(primaryAddress, other.primaryAddress)
        && Objects.equals(role, other.role)
        && Objects.equals(version, other.version)
        && withinOnePercent(usedMemory, other.usedMemory)
        && withinOnePercent(maxMemory, other.maxMemory)
        && sameRate(opsPerSec, other.opsPerSec)
        && sameTwoDigits(connectedClients, other.connectedClients)
        && sameTwoDigits(keys, other.keys)
        && samePercent(hitRatio, other.hitRatio)
        && sameTwoDigits(evictedKeys, other.evictedKeys)
        && Objects.equals(masterLinkStatus, other.masterLinkStatus)
        && sameLag(replicationLagSeconds, other.replicationLagSeconds)
        && Objects.equals(pollInterval, other.pollInterval)
        && readyShards == other.readyShards
        && totalShards == other.totalShards
        && shards.equals(other.shards)
        && conditions.equals(other.conditions);
  }

  /**
   * Rates within 1 op/s are equal too: an idle server's rate wobbles around the operator's own INFO
   * polls (about 2 ops/s), which is no news to anyone.
   */
  static boolean sameRate(Double a, Double b) {
    if (a != null && b != null && Math.abs(a - b) < 1) {
      return true;
    }
    return sameTwoDigits(a, b);
  }

  static boolean sameTwoDigits(Number a, Number b) {
    if (a == null || b == null) {
      return a == b;
    }
    return roundTwoDigits(a.doubleValue()).compareTo(roundTwoDigits(b.doubleValue())) == 0;
  }

  private static BigDecimal roundTwoDigits(double value) {
    return new BigDecimal(value).round(TWO_DIGITS);
  }

  static boolean withinOnePercent(Long a, Long b) {
    if (a == null || b == null) {
      return a == b;
    }
    double larger = Math.max(Math.abs((double) a), Math.abs((double) b));
    return Math.abs((double) a - b) < larger * 0.01 || a.equals(b);
  }

  private static boolean samePercent(Double a, Double b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Math.round(a * 100) == Math.round(b * 100);
  }

  private static boolean sameLag(Long a, Long b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a <= 1 && b <= 1) {
      return true;
    }
    return sameTwoDigits(a, b);
  }
}
