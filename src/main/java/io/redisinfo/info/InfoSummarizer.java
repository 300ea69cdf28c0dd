package io.redisinfo.info;

import java.util.Map;
import java.util.Objects;

/**
 * Builds an {@link InfoSummary} from the latest INFO and the one before it. Missing keys give null
 * fields, never exceptions; values are taken as reported ({@code maxmemory} 0 means no limit).
 */
public final class InfoSummarizer {
  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  /**
   * @param current the latest INFO
   * @param previous the INFO of the poll before, or null
   * @param elapsedNanos monotonic nanoseconds between the two polls
   */
  public InfoSummary summarize(Info current, Info previous, long elapsedNanos) {
    Info info = current == null ? Info.empty() : current;
    String role = info.getString("role");
    // Forks report the Redis version they are compatible with in redis_version and their own in
    // a field of their own; users upgrade by the latter.
    String version = info.getString("valkey_version");
    if (version == null) {
      version = info.getString("dragonfly_version");
    }
    if (version == null) {
      version = info.getString("redis_version");
    }
    Object loading = info.get("loading");
    return new InfoSummary(
        role,
        version,
        info.getLong("uptime_in_seconds"),
        info.getLong("used_memory"),
        info.getLong("maxmemory"),
        opsPerSec(info, previous, elapsedNanos),
        info.getLong("connected_clients"),
        info.getLong("blocked_clients"),
        keys(info),
        hitRatio(info),
        info.getLong("evicted_keys"),
        info.getLong("expired_keys"),
        info.getLong("rejected_connections"),
        info.getLong("connected_slaves"),
        info.getString("master_link_status"),
        replicationLag(info, role),
        info.getString("rdb_last_bgsave_status"),
        info.getString("aof_last_write_status"),
        loading instanceof Long l ? l != 0 : null);
  }

  /**
   * What {@link #summarize} reads of an earlier INFO to compute ops/s: the command counter and the
   * run id, in an INFO of their own. A poller keeps this rather than the whole INFO as its
   * baseline, which would be a second ~20 KB parsed INFO per shard whenever the baseline is not
   * also the latest INFO (a poll closer to the baseline than the rate window).
   */
  public static Info rateBaseline(Info info) {
    if (info == null) {
      return null;
    }
    // Compact maps built directly: Info.of copies through hash maps and lambdas, and this runs
    // whenever a poll becomes the new baseline.
    CompactMap.Builder keys = new CompactMap.Builder(2);
    Object commands = info.get("total_commands_processed");
    if (commands != null) {
      keys.add("total_commands_processed", commands);
    }
    Object runId = info.get("run_id");
    if (runId != null) {
      keys.add("run_id", runId);
    }
    CompactMap flat = keys.build();
    CompactMap.Builder sections = new CompactMap.Builder(1);
    sections.add("baseline", flat);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> bySection =
        (Map<String, Map<String, Object>>) (Map<?, ?>) sections.build();
    return new Info(bySection, flat, 0);
  }

  /**
   * Commands per second between the two polls; null when there is no earlier poll, no time passed,
   * or the server restarted or reset its statistics in between (the counter would be meaningless).
   */
  private static Double opsPerSec(Info current, Info previous, long elapsedNanos) {
    if (previous == null || elapsedNanos <= 0) {
      return null;
    }
    Long now = current.getLong("total_commands_processed");
    Long before = previous.getLong("total_commands_processed");
    if (now == null || before == null || now < before) {
      return null;
    }
    if (!Objects.equals(current.getString("run_id"), previous.getString("run_id"))) {
      return null;
    }
    return (now - before) / (elapsedNanos / NANOS_PER_SECOND);
  }

  /** Keys over every {@code dbN}; 0 for a keyspace section without databases; else null. */
  private static Long keys(Info info) {
    long total = 0;
    boolean found = false;
    for (Map.Entry<String, Object> entry : sectionOrAll(info, "keyspace").entrySet()) {
      if (isDatabaseName(entry.getKey())
          && entry.getValue() instanceof Map<?, ?> database
          && database.get("keys") instanceof Long keys) {
        total += keys;
        found = true;
      }
    }
    if (found) {
      return total;
    }
    return info.sections().containsKey("keyspace") ? 0L : null;
  }

  /** The named section when present (a short walk), else every key (INFO without headers). */
  private static Map<String, Object> sectionOrAll(Info info, String section) {
    Map<String, Object> keys = info.sections().get(section);
    return keys != null ? keys : info.keys();
  }

  private static boolean isDatabaseName(String key) {
    if (key.length() < 3 || !key.startsWith("db")) {
      return false;
    }
    for (int i = 2; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static Double hitRatio(Info info) {
    Long hits = info.getLong("keyspace_hits");
    Long misses = info.getLong("keyspace_misses");
    if (hits == null || misses == null || hits < 0 || misses < 0 || hits + misses == 0) {
      return null;
    }
    return hits / (double) (hits + misses);
  }

  /**
   * A replica's seconds since its last I/O with the master (Redis reports -1 when it has none), or
   * a master's largest {@code lag} over its {@code slaveN} entries.
   */
  private static Long replicationLag(Info info, String role) {
    if ("slave".equals(role) || "replica".equals(role)) {
      Long lastIo = info.getLong("master_last_io_seconds_ago");
      return lastIo == null || lastIo < 0 ? null : lastIo;
    }
    if (Long.valueOf(0).equals(info.getLong("connected_slaves"))) {
      return null; // most masters: no replica lines to look through
    }
    Long largest = null;
    for (Map.Entry<String, Object> entry : sectionOrAll(info, "replication").entrySet()) {
      if (isReplicaName(entry.getKey())
          && entry.getValue() instanceof Map<?, ?> replica
          && replica.get("lag") instanceof Long lag
          && lag >= 0
          && (largest == null || lag > largest)) {
        largest = lag;
      }
    }
    return largest;
  }

  private static boolean isReplicaName(String key) {
    if (key.length() < 6 || !key.startsWith("slave")) {
      return false;
    }
    for (int i = 5; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
