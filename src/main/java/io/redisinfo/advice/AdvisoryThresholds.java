package io.redisinfo.advice;

import java.util.List;
import java.util.Map;

/**
 * The numbers the rules compare with, one immutable value; {@link #DEFAULTS} are documented in
 * {@code docs/ADVISORIES.md}. A component may override some ({@link #withOverrides}), by the names
 * of these fields.
 *
 * @param memoryNearLimitPercent used_memory above this share of maxmemory is "near the limit"
 * @param hitRatioMinPercent a cache's hit ratio below this is "low"
 * @param hitRatioMinLookups ... judged only when at least this many lookups happened between polls
 * @param clientsNearMaxPercent connected_clients above this share of maxclients is "near"
 * @param replicaLagSeconds a replica's lag (seconds since its last ack) above this is "lagging"
 * @param unsavedSeconds changes not on disk for longer than this, with AOF off, are "unsaved"
 * @param slowForkMillis latest_fork_usec above this (in ms) is "slow"
 * @param fragmentationRatio mem_fragmentation_ratio above this is "fragmented" ...
 * @param fragmentationMinBytes ... when at least this many bytes are wasted (small servers ignored)
 * @param clientBufferBytes a client's input or output buffer above this is "big"
 * @param blockedClients blocked_clients at or above this (and not falling) is "many"
 * @param expiringKeysMinPercent keys with a TTL below this share of all keys is "without expiry"
 *     ...
 * @param expiryMinKeys ... judged only with at least this many keys
 * @param supportedSinceMajor Redis majors below this are end-of-life (e.g. 6 = 6.x and newer)
 */
public record AdvisoryThresholds(
    double memoryNearLimitPercent,
    double hitRatioMinPercent,
    long hitRatioMinLookups,
    double clientsNearMaxPercent,
    long replicaLagSeconds,
    long unsavedSeconds,
    long slowForkMillis,
    double fragmentationRatio,
    long fragmentationMinBytes,
    long clientBufferBytes,
    long blockedClients,
    double expiringKeysMinPercent,
    long expiryMinKeys,
    long supportedSinceMajor) {

  public static final AdvisoryThresholds DEFAULTS =
      new AdvisoryThresholds(
          90, 50, 100, 90, 10, 3900, 500, 1.5, 100L << 20, 32L << 20, 10, 50, 100, 6);

  /** The names {@link #withOverrides} accepts, in declaration order. */
  public static final List<String> NAMES =
      List.of(
          "memoryNearLimitPercent",
          "hitRatioMinPercent",
          "hitRatioMinLookups",
          "clientsNearMaxPercent",
          "replicaLagSeconds",
          "unsavedSeconds",
          "slowForkMillis",
          "fragmentationRatio",
          "fragmentationMinBytes",
          "clientBufferBytes",
          "blockedClients",
          "expiringKeysMinPercent",
          "expiryMinKeys",
          "supportedSinceMajor");

  /**
   * These thresholds with some replaced, by field name; values may be numbers or their text.
   *
   * @throws IllegalArgumentException naming every unknown name or bad value
   */
  public AdvisoryThresholds withOverrides(Map<String, ?> overrides) {
    ThresholdOverrides b = new ThresholdOverrides(this);
    overrides.forEach(b::set);
    return b.build();
  }
}
