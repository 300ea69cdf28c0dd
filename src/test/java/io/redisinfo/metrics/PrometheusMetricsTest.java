package io.redisinfo.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.info.Info;
import io.redisinfo.info.InfoFixtures;
import io.redisinfo.info.InfoParser;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {
  private static final String PASSWORD = "hunter2-secret";
  private static final String MASTER_LABELS =
      "address=\"10.0.0.1:6379\",component=\"sessions\",instance=\"10.0.0.1:6379\","
          + "namespace=\"shop\",shard=\"shop/redis-0\"";

  private final ShardRegistry shards = new ShardRegistry(Duration.ofSeconds(1));
  private final PrometheusMetrics metrics = new PrometheusMetrics(shards);

  @AfterEach
  void close() {
    metrics.close();
  }

  /** Values as a Redis 7.0 master reports them (taken from a real INFO ALL). */
  static Info masterInfo() {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    sections.put(
        "server", Map.of("redis_version", "7.0.15", "uptime_in_seconds", 3725L, "tcp_port", 6379L));
    sections.put("clients", Map.of("connected_clients", 7L, "blocked_clients", 1L));
    sections.put(
        "memory",
        Map.of("used_memory", 1_048_576L, "maxmemory", 0L, "mem_fragmentation_ratio", 1.5));
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("total_commands_processed", 12_345L);
    stats.put("instantaneous_ops_per_sec", 4L);
    stats.put("rejected_connections", 2L);
    stats.put("expired_keys", 11L);
    stats.put("evicted_keys", 3L);
    stats.put("keyspace_hits", 900L);
    stats.put("keyspace_misses", 100L);
    sections.put("stats", stats);
    sections.put("replication", Map.of("role", "master", "connected_slaves", 1L));
    sections.put(
        "commandstats",
        Map.of(
            "cmdstat_get", Map.of("calls", 1000L, "usec", 2_500_000L, "usec_per_call", 2500.0),
            "cmdstat_client|list", Map.of("calls", 4L, "usec", 40L, "usec_per_call", 10.0)));
    sections.put(
        "keyspace",
        Map.of(
            "db0", Map.of("keys", 42L, "expires", 2L, "avg_ttl", 0L),
            "db3", Map.of("keys", 5L, "expires", 0L, "avg_ttl", 0L)));
    return Info.of(sections, 0);
  }

  static Info replicaInfo() {
    return Info.of(
        Map.of(
            "server", Map.of("redis_version", "7.0.15"),
            "replication",
                Map.of("role", "slave", "master_link_status", "down", "connected_slaves", 0L)),
        0);
  }

  private void add(String id, String ip, String component, String pod) {
    shards.put(
        "test",
        new ShardSpec(
            id,
            new ShardAddress(ip, 6379),
            component,
            pod,
            new Credentials("app", PASSWORD),
            false,
            null));
  }

  private void publish(String id, Info info) {
    shards
        .get(id)
        .orElseThrow()
        .publish(new ShardSnapshot(info, null, 1, 1, true, null, Duration.ofMillis(1500), 1, 0));
  }

  private void fail(String id, String error) {
    shards
        .get(id)
        .orElseThrow()
        .publish(new ShardSnapshot(null, null, 0, 0, false, error, Duration.ofSeconds(2), 1, 1));
  }

  /** The master's labels plus {@code extra} name/value pairs, in Prometheus' sorted order. */
  private static String master(String... extra) {
    java.util.TreeMap<String, String> labels = new java.util.TreeMap<>();
    labels.put("address", "10.0.0.1:6379");
    labels.put("component", "sessions");
    labels.put("instance", "10.0.0.1:6379");
    labels.put("namespace", "shop");
    labels.put("shard", "shop/redis-0");
    for (int i = 0; i < extra.length; i += 2) {
      labels.put(extra[i], extra[i + 1]);
    }
    StringBuilder out = new StringBuilder();
    labels.forEach((k, v) -> out.append(out.length() == 0 ? "" : ",").append(k + "=\"" + v + "\""));
    return out.toString();
  }

  private static Double value(String scrape, String name, String labels) {
    Matcher m =
        Pattern.compile(
                "(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(labels) + "\\} (\\S+)$")
            .matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : null;
  }

  @Test
  void exposesTheContractNamesExactly() {
    add("shop/redis-0", "10.0.0.1", "shop/sessions", "shop/redis-0");
    publish("shop/redis-0", masterInfo());

    String scrape = metrics.scrape();

    Map<String, String> types = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^# TYPE (\\S+) (\\S+)$").matcher(scrape);
    while (m.find()) {
      types.put(m.group(1), m.group(2));
    }
    for (String gauge :
        List.of(
            "redis_up",
            "redis_uptime_in_seconds",
            "redis_connected_clients",
            "redis_blocked_clients",
            "redis_memory_used_bytes",
            "redis_memory_max_bytes",
            "redis_db_keys",
            "redis_connected_slaves",
            "redis_instance_info",
            "redisinfo_poll_interval_seconds",
            "redisinfo_shards")) {
      assertThat(types).containsEntry(gauge, "gauge");
    }
    for (String counter :
        List.of(
            "redis_commands_processed_total",
            "redis_keyspace_hits_total",
            "redis_keyspace_misses_total",
            "redis_evicted_keys_total",
            "redis_expired_keys_total",
            "redis_rejected_connections_total",
            "redis_commands_total",
            "redis_commands_duration_seconds_total",
            "redisinfo_polls_total",
            "redisinfo_status_writes_total")) {
      assertThat(types).containsEntry(counter, "counter");
    }
    assertThat(types).containsEntry("redisinfo_poll_duration_seconds", "histogram");
    assertThat(types).containsKey("jvm_memory_used_bytes");
  }

  @Test
  void valuesComeFromTheShardsLatestInfo() {
    add("shop/redis-0", "10.0.0.1", "shop/sessions", "shop/redis-0");
    publish("shop/redis-0", masterInfo());

    String s = metrics.scrape();

    assertThat(value(s, "redis_up", MASTER_LABELS)).isEqualTo(1.0);
    assertThat(value(s, "redis_uptime_in_seconds", MASTER_LABELS)).isEqualTo(3725.0);
    assertThat(value(s, "redis_connected_clients", MASTER_LABELS)).isEqualTo(7.0);
    assertThat(value(s, "redis_blocked_clients", MASTER_LABELS)).isEqualTo(1.0);
    assertThat(value(s, "redis_memory_used_bytes", MASTER_LABELS)).isEqualTo(1_048_576.0);
    assertThat(value(s, "redis_memory_max_bytes", MASTER_LABELS)).isEqualTo(0.0);
    assertThat(value(s, "redis_commands_processed_total", MASTER_LABELS)).isEqualTo(12_345.0);
    assertThat(value(s, "redis_keyspace_hits_total", MASTER_LABELS)).isEqualTo(900.0);
    assertThat(value(s, "redis_keyspace_misses_total", MASTER_LABELS)).isEqualTo(100.0);
    assertThat(value(s, "redis_evicted_keys_total", MASTER_LABELS)).isEqualTo(3.0);
    assertThat(value(s, "redis_expired_keys_total", MASTER_LABELS)).isEqualTo(11.0);
    assertThat(value(s, "redis_rejected_connections_total", MASTER_LABELS)).isEqualTo(2.0);
    assertThat(value(s, "redis_connected_slaves", MASTER_LABELS)).isEqualTo(1.0);
    assertThat(value(s, "redisinfo_poll_interval_seconds", MASTER_LABELS)).isEqualTo(1.5);
    assertThat(value(s, "redis_db_keys", master("db", "db0"))).isEqualTo(42.0);
    assertThat(value(s, "redis_db_keys", master("db", "db3"))).isEqualTo(5.0);
    assertThat(
            value(
                s,
                "redis_commands_total",
                "address=\"10.0.0.1:6379\",cmd=\"get\","
                    + "component=\"sessions\",instance=\"10.0.0.1:6379\",namespace=\"shop\","
                    + "shard=\"shop/redis-0\""))
        .isEqualTo(1000.0);
    assertThat(
            value(
                s,
                "redis_commands_duration_seconds_total",
                "address=\"10.0.0.1:6379\","
                    + "cmd=\"get\",component=\"sessions\",instance=\"10.0.0.1:6379\","
                    + "namespace=\"shop\",shard=\"shop/redis-0\""))
        .isEqualTo(2.5);
    assertThat(s).contains("cmd=\"client|list\"");
    assertThat(
            value(
                s,
                "redis_instance_info",
                "address=\"10.0.0.1:6379\",component=\"sessions\",instance=\"10.0.0.1:6379\","
                    + "namespace=\"shop\",redis_version=\"7.0.15\",role=\"master\",shard=\"shop/redis-0\""))
        .isEqualTo(1.0);
    assertThat(s).doesNotContain("redis_master_link_up{");
  }

  @Test
  void seriesOfARealCapturedInfo() {
    add("shop/redis-0", "10.0.0.1", "shop/sessions", "shop/redis-0");
    add("shop/redis-1", "10.0.0.2", "shop/sessions", "shop/redis-1");
    InfoParser parser = new InfoParser();
    publish("shop/redis-0", parser.parse(InfoFixtures.read(InfoFixtures.REDIS7_KEYSPACE_STATS)));
    publish("shop/redis-1", parser.parse(InfoFixtures.read(InfoFixtures.REDIS7_REPLICA)));

    String s = metrics.scrape();

    assertThat(value(s, "redis_connected_clients", master())).isEqualTo(1.0);
    assertThat(value(s, "redis_memory_used_bytes", master())).isEqualTo(1_191_096.0);
    assertThat(value(s, "redis_commands_processed_total", master())).isEqualTo(51.0);
    assertThat(value(s, "redis_db_keys", master("db", "db9"))).isEqualTo(2.0);
    assertThat(value(s, "redis_commands_total", master("cmd", "set"))).isEqualTo(25.0);
    assertThat(value(s, "redis_commands_duration_seconds_total", master("cmd", "get")))
        .isEqualTo(31e-6);
    assertThat(value(s, "redis_instance_info", master("redis_version", "7.0.15", "role", "master")))
        .isEqualTo(1.0);
    assertThat(s)
        .containsPattern("(?m)^redis_master_link_up\\{[^}]*shard=\"shop/redis-1\"\\} 1\\.0$");
  }

  @Test
  void replicasReportTheirLinkAndShardsWithoutComponentHaveEmptyLabels() {
    add("10.0.0.9:6379", "10.0.0.9", null, null);
    publish("10.0.0.9:6379", replicaInfo());

    String s = metrics.scrape();

    String labels =
        "address=\"10.0.0.9:6379\",component=\"\",instance=\"10.0.0.9:6379\",namespace=\"\","
            + "shard=\"10.0.0.9:6379\"";
    assertThat(value(s, "redis_master_link_up", labels)).isEqualTo(0.0);
    assertThat(
            value(
                s,
                "redis_instance_info",
                "address=\"10.0.0.9:6379\",component=\"\",instance=\"10.0.0.9:6379\","
                    + "namespace=\"\",redis_version=\"7.0.15\",role=\"slave\",shard=\"10.0.0.9:6379\""))
        .isEqualTo(1.0);
  }

  @Test
  void podShardsWithoutComponentKeepTheirNamespace() {
    add("shop/redis-9", "10.0.0.9", null, "shop/redis-9");
    publish("shop/redis-9", replicaInfo());

    assertThat(metrics.scrape()).contains("namespace=\"shop\",shard=\"shop/redis-9\"");
  }

  @Test
  void anUnreachableShardHasOnlyUpAndIntervalAndNoErrorText() {
    add("shop/redis-0", "10.0.0.1", "shop/sessions", "shop/redis-0");
    publish("shop/redis-0", masterInfo());
    fail("shop/redis-0", "Connection refused: /10.0.0.1:6379 WRONGPASS");

    String s = metrics.scrape();

    assertThat(value(s, "redis_up", MASTER_LABELS)).isEqualTo(0.0);
    assertThat(value(s, "redisinfo_poll_interval_seconds", MASTER_LABELS)).isEqualTo(2.0);
    assertThat(s).doesNotContain("redis_connected_clients{").doesNotContain("Connection refused");
    assertThat(s).doesNotContain(PASSWORD);
  }

  @Test
  void aRemovedShardsSeriesDisappear() {
    add("shop/redis-0", "10.0.0.1", "shop/sessions", "shop/redis-0");
    add("shop/redis-1", "10.0.0.2", "shop/sessions", "shop/redis-1");
    publish("shop/redis-0", masterInfo());
    publish("shop/redis-1", masterInfo());
    assertThat(metrics.scrape()).contains("shard=\"shop/redis-1\"");

    shards.remove("shop/redis-1");

    String s = metrics.scrape();
    assertThat(s).doesNotContain("shop/redis-1").contains("shard=\"shop/redis-0\"");
    assertThat(value(s, "redisinfo_shards", "")).isNull();
    assertThat(s).containsPattern("(?m)^redisinfo_shards 1\\.0$");
  }

  @Test
  void pollsAndStatusWritesAreCounted() {
    PollMetrics polls = metrics.pollMetrics();
    polls.recordPoll("a", null, Duration.ofMillis(3));
    polls.recordPoll("a", null, Duration.ofMillis(30));
    polls.recordPoll("b", FailureKind.AUTH, Duration.ofMillis(1));
    metrics.statusWriteMetrics().recordStatusWrite(true);
    metrics.statusWriteMetrics().recordStatusWrite(false);

    String s = metrics.scrape();

    assertThat(value(s, "redisinfo_polls_total", "outcome=\"ok\"")).isEqualTo(2.0);
    assertThat(value(s, "redisinfo_polls_total", "outcome=\"auth_failed\"")).isEqualTo(1.0);
    assertThat(value(s, "redisinfo_polls_total", "outcome=\"timeout\"")).isEqualTo(0.0);
    assertThat(value(s, "redisinfo_poll_duration_seconds_bucket", "le=\"0.005\"")).isEqualTo(2.0);
    assertThat(value(s, "redisinfo_poll_duration_seconds_bucket", "le=\"0.05\"")).isEqualTo(3.0);
    assertThat(s).containsPattern("(?m)^redisinfo_poll_duration_seconds_count 3$");
    assertThat(value(s, "redisinfo_status_writes_total", "outcome=\"ok\"")).isEqualTo(1.0);
    assertThat(value(s, "redisinfo_status_writes_total", "outcome=\"error\"")).isEqualTo(1.0);
  }
}
