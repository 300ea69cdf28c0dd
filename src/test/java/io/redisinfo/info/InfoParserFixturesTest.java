package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser on INFO texts of real servers (Redis 7) and of older versions and Valkey. */
class InfoParserFixturesTest {
  private final InfoParser parser = new InfoParser();
  private final InfoSummarizer summarizer = new InfoSummarizer();

  private Info parse(String fixture) {
    return parser.parse(InfoFixtures.read(fixture));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "redis7-master.txt",
        "redis7-replica.txt",
        "redis7-keyspace-stats.txt",
        "redis7-maxmemory.txt"
      })
  void realRedis7InfoEverythingHasEverySectionAndNoMalformedLine(String fixture) {
    Info info = parse(fixture);

    assertThat(info.malformedLines()).isZero();
    assertThat(info.sections().keySet())
        .containsExactly(
            "server",
            "clients",
            "memory",
            "persistence",
            "stats",
            "replication",
            "cpu",
            "modules",
            "commandstats",
            "errorstats",
            "latencystats",
            "cluster",
            "keyspace");
    assertThat(info.get("redis_version")).isEqualTo("7.0.15");
    assertThat(info.get("arch_bits")).isEqualTo(64L);
    assertThat(info.get("uptime_in_seconds")).isInstanceOf(Long.class);
    assertThat(info.get("mem_fragmentation_ratio")).isInstanceOf(Double.class);
    assertThat(info.get("used_memory_human")).isInstanceOf(String.class);
    assertThat(info.get("os")).asString().startsWith("Linux ");
    assertThat(info.get("config_file")).isEqualTo("");
    assertThat(info.get("executable")).asString().startsWith("/");
    assertThat(info.get("redis_git_sha1")).isEqualTo("00000000");
    assertThat(info.get("used_cpu_sys")).isInstanceOf(Double.class);
    // Every line of the text is one key (the server repeats no key).
    long keyLines =
        InfoFixtures.read(fixture)
            .lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .count();
    assertThat(info.keys()).hasSize((int) keyLines);
  }

  @Test
  void redis7MasterListsItsReplica() {
    Info info = parse(InfoFixtures.REDIS7_MASTER);

    assertThat(info.get("role")).isEqualTo("master");
    assertThat(info.get("connected_slaves")).isEqualTo(1L);
    @SuppressWarnings("unchecked")
    Map<String, Object> replica = (Map<String, Object>) info.get("slave0");
    assertThat(replica.keySet()).containsExactly("ip", "port", "state", "offset", "lag");
    assertThat(replica).containsEntry("ip", "127.0.0.1").containsEntry("state", "online");
    assertThat(replica.get("port")).isInstanceOf(Long.class);
    assertThat(replica.get("lag")).isInstanceOf(Long.class);
    assertThat(info.get("master_replid")).asString().hasSize(40);
    assertThat(info.sections().get("replication")).containsKey("slave0");
  }

  @Test
  void redis7ReplicaReportsItsMaster() {
    Info info = parse(InfoFixtures.REDIS7_REPLICA);

    assertThat(info.get("role")).isEqualTo("slave");
    assertThat(info.get("master_host")).isEqualTo("127.0.0.1");
    assertThat(info.get("master_port")).isInstanceOf(Long.class);
    assertThat(info.get("master_link_status")).isEqualTo("up");
    assertThat(info.get("master_last_io_seconds_ago")).isInstanceOf(Long.class);
    assertThat(info.get("second_repl_offset")).isEqualTo(-1L);
    assertThat(info.get("master_replid2")).isEqualTo("0000000000000000000000000000000000000000");
  }

  @Test
  void redis7KeyspaceAndStatistics() {
    Info info = parse(InfoFixtures.REDIS7_KEYSPACE_STATS);

    assertThat(info.sections().get("keyspace"))
        .containsOnlyKeys("db0", "db3", "db9")
        .containsEntry("db3", Map.of("keys", 3L, "expires", 1L, "avg_ttl", 0L))
        .containsEntry("db9", Map.of("keys", 2L, "expires", 0L, "avg_ttl", 0L));
    @SuppressWarnings("unchecked")
    Map<String, Object> db0 = (Map<String, Object>) info.get("db0");
    assertThat(db0).containsEntry("keys", 25L).containsEntry("expires", 5L);
    assertThat((Long) db0.get("avg_ttl")).isBetween(1L, 3_600_000L);

    @SuppressWarnings("unchecked")
    Map<String, Object> get = (Map<String, Object>) info.get("cmdstat_get");
    assertThat(get).containsEntry("calls", 14L).containsEntry("failed_calls", 0L);
    assertThat(get.get("usec_per_call")).isInstanceOf(Double.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> incr = (Map<String, Object>) info.get("cmdstat_incr");
    assertThat(incr).containsEntry("failed_calls", 1L);
    assertThat(info.sections().get("commandstats")).containsKey("cmdstat_config|set");

    assertThat(info.sections().get("errorstats"))
        .containsExactly(
            Map.entry("errorstat_ERR", Map.of("count", 2L)),
            Map.entry("errorstat_WRONGTYPE", Map.of("count", 1L)));

    @SuppressWarnings("unchecked")
    Map<String, Object> latency = (Map<String, Object>) info.get("latency_percentiles_usec_get");
    assertThat(latency.keySet()).containsExactly("p50", "p99", "p99.9");
    assertThat(latency.values()).allSatisfy(v -> assertThat(v).isInstanceOf(Double.class));

    assertThat(info.get("keyspace_hits")).isEqualTo(10L);
    assertThat(info.get("keyspace_misses")).isEqualTo(4L);
  }

  @Test
  void redis7WithMaxmemory() {
    Info info = parse(InfoFixtures.REDIS7_MAXMEMORY);

    assertThat(info.get("maxmemory")).isEqualTo(64L * 1024 * 1024);
    assertThat(info.get("maxmemory_human")).isEqualTo("64.00M");
    assertThat(info.get("maxmemory_policy")).isEqualTo("allkeys-lru");
  }

  @Test
  void redis28() {
    Info info = parse("redis28-master.txt");

    assertThat(info.malformedLines()).isZero();
    assertThat(info.sections().keySet())
        .containsExactly(
            "server",
            "clients",
            "memory",
            "persistence",
            "stats",
            "replication",
            "cpu",
            "commandstats",
            "keyspace");
    assertThat(info.get("redis_version")).isEqualTo("2.8.19");
    assertThat(info.get("cmdstat_get"))
        .isEqualTo(Map.of("calls", 900L, "usec", 1800L, "usec_per_call", 2.0));
    assertThat(info.get("slave1"))
        .isEqualTo(
            Map.of(
                "ip", "10.0.0.13", "port", 6379L, "state", "online", "offset", 5500L, "lag", 4L));
    assertThat(info.get("instantaneous_input_kbps")).isEqualTo(0.12);
    assertThat(info.get("maxmemory")).isNull();
  }

  @Test
  void redis32ReplicaWithLinkDown() {
    Info info = parse("redis32-replica-link-down.txt");

    assertThat(info.get("master_host")).isEqualTo("redis-master.shop.svc.cluster.local");
    assertThat(info.get("master_last_io_seconds_ago")).isEqualTo(-1L);
    assertThat(info.get("master_link_down_since_seconds")).isEqualTo(35L);
    assertThat(info.get("cluster_enabled")).isEqualTo(0L);
    assertThat(info.get("total_system_memory")).isEqualTo(8363831296L);
    assertThat(info.sections().get("keyspace")).isEmpty();
  }

  @Test
  void redis40Loading() {
    Info info = parse("redis40-loading.txt");

    assertThat(info.get("loading")).isEqualTo(1L);
    assertThat(info.get("loading_loaded_perc")).isEqualTo(50.0);
    assertThat(info.get("used_memory_dataset_perc")).isEqualTo("98.50%");
    assertThat(info.get("rdb_last_bgsave_status")).isEqualTo("err");
  }

  @Test
  void redis50ClusterMaster() {
    Info info = parse("redis50-master.txt");

    assertThat(info.get("redis_mode")).isEqualTo("cluster");
    assertThat(info.get("total_commands_processed")).isEqualTo(9876543210L);
    assertThat(info.get("used_cpu_user")).isEqualTo(20345.12);
    assertThat(info.get("cmdstat_get"))
        .isEqualTo(Map.of("calls", 7000000000L, "usec", 9800000000L, "usec_per_call", 1.4));
    assertThat(info.get("cluster_enabled")).isEqualTo(1L);
  }

  @Test
  void redis62ReplicaOverIpv6WithModules() {
    Info info = parse("redis62-replica-ipv6.txt");

    assertThat(info.malformedLines()).isZero();
    assertThat(info.get("master_host")).isEqualTo("::1");
    assertThat(info.get("slave0"))
        .isEqualTo(
            Map.of("ip", "::1", "port", 6381L, "state", "online", "offset", 102400L, "lag", 9L));
    assertThat(info.sections().get("modules")).containsOnlyKeys("module", "module#2");
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) info.get("module");
    assertThat(json)
        .containsEntry("name", "ReJSON")
        .containsEntry("ver", 20609L)
        .containsEntry("usedby", "[search]")
        .containsEntry("options", "[handle-io-errors]");
    @SuppressWarnings("unchecked")
    Map<String, Object> search = (Map<String, Object>) info.get("module#2");
    assertThat(search).containsEntry("name", "search").containsEntry("using", "[ReJSON]");
    assertThat(info.get("errorstat_READONLY")).isEqualTo(Map.of("count", 2L));
    assertThat(info.get("server_time_usec")).isEqualTo(1700000000123456L);
  }

  @Test
  void valkey8() {
    Info info = parse("valkey8-master.txt");

    assertThat(info.malformedLines()).isZero();
    assertThat(info.get("server_name")).isEqualTo("valkey");
    assertThat(info.get("valkey_version")).isEqualTo("8.0.1");
    assertThat(info.get("redis_version")).isEqualTo("7.2.4");
    assertThat(info.get("listener0"))
        .isEqualTo(Map.of("name", "tcp", "bind", "*", "bind#2", "-::*", "port", 6379L));
    assertThat(info.sections().get("modules")).isEmpty();
    assertThat(info.sections().get("errorstats")).isEmpty();
    assertThat(info.sections().get("keyspace")).containsOnlyKeys("db0", "db2");
  }

  /**
   * Written from Valkey 7.2's documented INFO: redis_version stays 7.2.4, its own version apart.
   */
  @Test
  void valkey7() {
    Info info = parse("valkey7-master.txt");

    assertThat(info.malformedLines()).isZero();
    assertThat(info.get("valkey_version")).isEqualTo("7.2.5");
    assertThat(info.get("latency_percentiles_usec_get"))
        .isEqualTo(Map.of("p50", 1.003, "p99", 3.007, "p99.9", 10.047));
    assertThat(summarizer.summarize(info, null, 0))
        .satisfies(
            s -> {
              assertThat(s.version()).isEqualTo("7.2.5");
              assertThat(s.role()).isEqualTo("master");
              assertThat(s.keys()).isEqualTo(5000L);
              assertThat(s.hitRatio()).isEqualTo(0.9);
              assertThat(s.maxMemory()).isEqualTo(104857600L);
              assertThat(s.blockedClients()).isEqualTo(1L);
            });
  }

  /**
   * Written from KeyDB 6.3's INFO: an active replica, an extra KeyDB section and keyspace field.
   */
  @Test
  void keydbActiveReplica() {
    Info info = parse("keydb6-active-replica.txt");

    assertThat(info.malformedLines()).isZero();
    assertThat(info.sections()).containsKey("keydb");
    assertThat(info.get("db0"))
        .isEqualTo(
            Map.of("keys", 1200L, "expires", 40L, "avg_ttl", 3600000L, "cached_keys", 1200L));
    assertThat(summarizer.summarize(info, null, 0))
        .satisfies(
            s -> {
              assertThat(s.version()).isEqualTo("6.3.4");
              assertThat(s.role()).isEqualTo("active-replica");
              assertThat(s.masterLinkStatus()).isEqualTo("up");
              assertThat(s.keys()).isEqualTo(1200L);
              assertThat(s.hitRatio()).isEqualTo(0.75);
            });
  }

  /**
   * Written from Dragonfly 1.x's INFO: its own sections (Tiered, Transaction, Search), {@code
   * cmd_X} counters instead of cmdstat lines, repeated {@code module} lines, -1 for figures it does
   * not keep.
   */
  @Test
  void dragonfly() {
    Info info = parse("dragonfly1-master.txt");

    assertThat(info.malformedLines()).isZero();
    assertThat(info.sections()).containsKeys("tiered", "transaction", "search", "cpu");
    assertThat(info.get("cmd_SET")).isEqualTo(1200L);
    assertThat(info.sections().get("modules")).containsOnlyKeys("module", "module#2");
    assertThat(summarizer.summarize(info, null, 0))
        .satisfies(
            s -> {
              assertThat(s.version()).isEqualTo("df-v1.24.0");
              assertThat(s.role()).isEqualTo("master");
              assertThat(s.usedMemory()).isEqualTo(3145728L);
              assertThat(s.keys()).isEqualTo(1000L);
              assertThat(s.hitRatio()).isEqualTo(0.8);
              assertThat(s.rdbLastBgsaveStatus()).isNull();
            });
  }
}
