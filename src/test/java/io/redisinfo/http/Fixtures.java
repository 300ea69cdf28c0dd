package io.redisinfo.http;

import io.redisinfo.info.Info;
import io.redisinfo.shard.ShardSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** INFO values and snapshots for tests (built directly; the parser is tested elsewhere). */
final class Fixtures {
  static final Duration POLL_INTERVAL = Duration.ofSeconds(3);

  private Fixtures() {}

  /** A small INFO with every kind of value: strings, longs, doubles, nested maps, empty section. */
  static Info info(String role, long usedMemory) {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    sections.put("server", ordered("redis_version", "7.2.4", "uptime_in_seconds", 3600L));
    sections.put("clients", ordered("connected_clients", 5L, "blocked_clients", 0L));
    sections.put(
        "memory",
        ordered(
            "used_memory",
            usedMemory,
            "used_memory_human",
            "1.00K",
            "mem_fragmentation_ratio",
            1.5));
    sections.put("replication", ordered("role", role, "connected_slaves", 0L));
    sections.put(
        "commandstats",
        ordered(
            "cmdstat_get",
            ordered("calls", 10L, "usec", 20L, "usec_per_call", 2.0),
            "cmdstat_set",
            ordered("calls", 4L, "usec", 12L, "usec_per_call", 3.0)));
    sections.put("errorstats", ordered());
    sections.put("keyspace", ordered("db0", ordered("keys", 42L, "expires", 1L, "avg_ttl", 0L)));
    return Info.of(sections, 0);
  }

  static <V> Map<String, V> ordered(Object... keysAndValues) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      V value = (V) keysAndValues[i + 1];
      map.put((String) keysAndValues[i], value);
    }
    return map;
  }

  /** A snapshot whose INFO was taken {@code ageMs} ago by a successful poll. */
  static ShardSnapshot snapshot(Info info, long ageMs) {
    return new ShardSnapshot(
        info,
        null,
        System.nanoTime() - Duration.ofMillis(ageMs).toNanos(),
        System.currentTimeMillis() - ageMs,
        true,
        null,
        POLL_INTERVAL,
        1,
        0);
  }

  /** A snapshot of a shard whose polls failed: old INFO (or none) and an error. */
  static ShardSnapshot failing(Info info, long ageMs, String error) {
    ShardSnapshot last = info == null ? null : snapshot(info, ageMs);
    return new ShardSnapshot(
        info,
        null,
        last == null ? 0 : last.infoAtNanos(),
        last == null ? 0 : last.infoAtEpochMillis(),
        false,
        error,
        POLL_INTERVAL,
        3,
        3);
  }
}
