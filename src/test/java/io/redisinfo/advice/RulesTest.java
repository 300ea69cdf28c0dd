package io.redisinfo.advice;

import static io.redisinfo.advice.InfoTexts.fixture;
import static io.redisinfo.advice.InfoTexts.info;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.advice.rules.BigClientBuffers;
import io.redisinfo.advice.rules.BlockedClients;
import io.redisinfo.advice.rules.ClientsNearMax;
import io.redisinfo.advice.rules.EvictionPolicy;
import io.redisinfo.advice.rules.Evictions;
import io.redisinfo.advice.rules.Fragmentation;
import io.redisinfo.advice.rules.FullResyncs;
import io.redisinfo.advice.rules.KeysCommand;
import io.redisinfo.advice.rules.KeysWithoutExpiry;
import io.redisinfo.advice.rules.LastSaveOld;
import io.redisinfo.advice.rules.LowHitRatio;
import io.redisinfo.advice.rules.MasterCount;
import io.redisinfo.advice.rules.MemoryNearLimit;
import io.redisinfo.advice.rules.NoMaxmemory;
import io.redisinfo.advice.rules.NoPersistence;
import io.redisinfo.advice.rules.PersistenceFailing;
import io.redisinfo.advice.rules.PersistenceOnCache;
import io.redisinfo.advice.rules.RedisEol;
import io.redisinfo.advice.rules.RejectedConnections;
import io.redisinfo.advice.rules.ReplicaLag;
import io.redisinfo.advice.rules.ReplicasMissing;
import io.redisinfo.advice.rules.ReplicationLinkDown;
import io.redisinfo.advice.rules.SeveralDatabases;
import io.redisinfo.advice.rules.SlowFork;
import io.redisinfo.component.Purpose;
import io.redisinfo.info.Info;
import io.redisinfo.info.InfoFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule on INFO texts: when it fires, when it does not, and what it does without its fields.
 */
class RulesTest {
  private static final String OLD = "redis28-master.txt";

  private static List<Finding> check(Rule rule, Purpose purpose, Info current, Info previous) {
    return rule.check(
        new RuleInput(
            purpose,
            List.of(new ShardInfo("s", current, previous)),
            1,
            AdvisoryThresholds.DEFAULTS));
  }

  private static String message(Rule rule, Purpose purpose, Info current, Info previous) {
    List<Finding> found = check(rule, purpose, current, previous);
    assertThat(found).hasSizeLessThanOrEqualTo(1);
    return found.isEmpty() ? null : found.get(0).message();
  }

  private static String message(Rule rule, Purpose purpose, Info current) {
    return message(rule, purpose, current, null);
  }

  @Test
  void noMaxmemory() {
    Rule rule = new NoMaxmemory();
    assertThat(message(rule, Purpose.CACHE, info("maxmemory:0")))
        .contains("maxmemory is 0")
        .contains("set maxmemory");
    assertThat(message(rule, Purpose.CACHE, info())).isNull();
    assertThat(message(rule, Purpose.CACHE, fixture(OLD))).as("2.8 has no maxmemory").isNull();
  }

  @Test
  void memoryNearLimit() {
    Rule rule = new MemoryNearLimit();
    assertThat(message(rule, Purpose.QUEUE, info("used_memory:62000000")))
        .contains("92.4 %")
        .contains("raise maxmemory");
    assertThat(message(rule, Purpose.QUEUE, info("used_memory:60000000"))).isNull();
    assertThat(message(rule, Purpose.QUEUE, info("used_memory:99999999", "maxmemory:0"))).isNull();
    AdvisoryThresholds strict =
        AdvisoryThresholds.DEFAULTS.withOverrides(java.util.Map.of("memoryNearLimitPercent", 50));
    assertThat(
            rule.check(
                new RuleInput(
                    Purpose.QUEUE,
                    List.of(new ShardInfo("s", info("used_memory:40000000"), null)),
                    1,
                    strict)))
        .hasSize(1);
  }

  @Test
  void evictionPolicyDependsOnThePurpose() {
    Rule rule = new EvictionPolicy();
    Info lru = info("maxmemory_policy:allkeys-lru");
    Info noeviction = info("maxmemory_policy:noeviction");
    for (Purpose durable : List.of(Purpose.QUEUE, Purpose.LOCK, Purpose.COUNTER, Purpose.SESSION)) {
      assertThat(message(rule, durable, lru)).contains("set maxmemory-policy noeviction");
      assertThat(message(rule, durable, noeviction)).isNull();
    }
    assertThat(message(rule, Purpose.CACHE, lru)).isNull();
    assertThat(message(rule, Purpose.CACHE, noeviction)).contains("allkeys-lru");
    Info volatileNoTtl = info("maxmemory_policy:volatile-lru", "db0:keys=10,expires=0,avg_ttl=0");
    assertThat(message(rule, Purpose.CACHE, volatileNoTtl)).contains("none of the 10 keys");
    Info volatileTtl = info("maxmemory_policy:volatile-lru", "db0:keys=10,expires=3,avg_ttl=9");
    assertThat(message(rule, Purpose.CACHE, volatileTtl)).isNull();
    assertThat(message(rule, Purpose.QUEUE, fixture(OLD))).isNull();
  }

  @Test
  void evictionsAreAChangeOfTheCounter() {
    Rule rule = new Evictions();
    assertThat(message(rule, Purpose.COUNTER, info("evicted_keys:15"), info("evicted_keys:5")))
        .startsWith("10 keys evicted");
    assertThat(message(rule, Purpose.COUNTER, info("evicted_keys:5"), info("evicted_keys:5")))
        .isNull();
    assertThat(message(rule, Purpose.COUNTER, info("evicted_keys:500"))).as("first poll").isNull();
    assertThat(message(rule, Purpose.COUNTER, info("evicted_keys:1"), info("evicted_keys:9")))
        .as("restarted")
        .isNull();
  }

  @Test
  void lowHitRatioNeedsEnoughLookups() {
    Rule rule = new LowHitRatio();
    Info before = info("keyspace_hits:1000", "keyspace_misses:1000");
    assertThat(
            message(
                rule, Purpose.CACHE, info("keyspace_hits:1030", "keyspace_misses:1170"), before))
        .contains("hit ratio 15.0 % over the last 200 lookups");
    assertThat(
            message(
                rule, Purpose.CACHE, info("keyspace_hits:1150", "keyspace_misses:1050"), before))
        .isNull();
    assertThat(
            message(
                rule, Purpose.CACHE, info("keyspace_hits:1001", "keyspace_misses:1050"), before))
        .as("51 lookups are too few")
        .isNull();
  }

  @Test
  void keysCommandCallsBetweenPolls() {
    Rule rule = new KeysCommand();
    Info never = info(); // commandstats without cmdstat_keys
    Info twice =
        info("commandstats>cmdstat_keys:calls=2,usec=5,usec_per_call=2.5,rejected_calls=0");
    assertThat(message(rule, Purpose.CACHE, twice, never)).startsWith("2 KEYS calls");
    assertThat(message(rule, Purpose.CACHE, twice, twice)).isNull();
    Info noCommandstats =
        Info.of(java.util.Map.of("server", java.util.Map.of("role", "master")), 0);
    assertThat(noCommandstats.sections()).doesNotContainKey("commandstats");
    assertThat(message(rule, Purpose.CACHE, noCommandstats, noCommandstats)).isNull();
  }

  @Test
  void rejectedConnectionsAndClientsNearMax() {
    assertThat(
            message(
                new RejectedConnections(),
                Purpose.OTHER,
                info("rejected_connections:3"),
                info("rejected_connections:1")))
        .startsWith("2 connections rejected");
    assertThat(message(new ClientsNearMax(), Purpose.OTHER, info("connected_clients:9500")))
        .contains("9500 of maxclients 10000");
    assertThat(message(new ClientsNearMax(), Purpose.OTHER, info("connected_clients:100")))
        .isNull();
    assertThat(message(new ClientsNearMax(), Purpose.OTHER, fixture(OLD))).isNull();
  }

  @Test
  void replicationLinkDown() {
    Rule rule = new ReplicationLinkDown();
    assertThat(message(rule, Purpose.QUEUE, fixture("redis32-replica-link-down.txt")))
        .contains("is down for 35 s");
    assertThat(
            message(
                rule,
                Purpose.QUEUE,
                fixture("redis32-replica-link-down.txt", "master_link_down_since_seconds:3")))
        .as("a reconnect in progress")
        .isNull();
    assertThat(
            message(
                rule,
                Purpose.QUEUE,
                fixture(
                    "redis32-replica-link-down.txt",
                    "master_link_down_since_seconds:-1",
                    "uptime_in_seconds:2")))
        .as("a first sync")
        .isNull();
    assertThat(message(rule, Purpose.QUEUE, fixture(InfoFixtures.REDIS7_REPLICA))).isNull();
    assertThat(message(rule, Purpose.QUEUE, fixture(InfoFixtures.REDIS7_MASTER))).isNull();
  }

  @Test
  void replicaLagAndFullResyncs() {
    Info lagging =
        fixture(
            InfoFixtures.REDIS7_MASTER,
            "slave0:ip=127.0.0.1,port=22040,state=online,offset=0,lag=42");
    assertThat(message(new ReplicaLag(), Purpose.OTHER, lagging))
        .contains("127.0.0.1:22040 (42 s)");
    assertThat(message(new ReplicaLag(), Purpose.OTHER, fixture(InfoFixtures.REDIS7_MASTER)))
        .isNull();
    assertThat(message(new FullResyncs(), Purpose.OTHER, info("sync_full:3"), info("sync_full:1")))
        .startsWith("2 full resyncs");
  }

  private static ShardInfo shard(String id, Info info) {
    return new ShardInfo(id, info, null);
  }

  private static List<Finding> component(Rule rule, int shardCount, ShardInfo... shards) {
    return rule.check(
        new RuleInput(Purpose.SESSION, List.of(shards), shardCount, AdvisoryThresholds.DEFAULTS));
  }

  @Test
  void masterCountAcrossTheComponentsShards() {
    Rule rule = new MasterCount();
    ShardInfo master = shard("a", info("role:master"));
    ShardInfo otherMaster = shard("b", info("role:master"));
    ShardInfo replica = shard("c", fixture(InfoFixtures.REDIS7_REPLICA));
    assertThat(component(rule, 2, master, replica)).isEmpty();
    assertThat(component(rule, 2, master, otherMaster))
        .singleElement()
        .satisfies(f -> assertThat(f.shard()).isNull())
        .satisfies(f -> assertThat(f.message()).startsWith("2 masters (a, b)"));
    assertThat(component(rule, 2, replica))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("no master"));
    assertThat(component(rule, 1, replica)).as("a lone replica by address").isEmpty();
    ShardInfo clusterA = shard("a", info("role:master", "cluster_enabled:1"));
    ShardInfo clusterB = shard("b", info("role:master", "cluster_enabled:1"));
    assertThat(component(rule, 2, clusterA, clusterB)).isEmpty();
  }

  @Test
  void replicasMissingComparesTheMasterWithTheComponent() {
    Rule rule = new ReplicasMissing();
    ShardInfo replica = shard("b", fixture(InfoFixtures.REDIS7_REPLICA));
    assertThat(component(rule, 3, shard("a", info("connected_slaves:1")), replica))
        .singleElement()
        .satisfies(f -> assertThat(f.shard()).isEqualTo("a"))
        .satisfies(f -> assertThat(f.message()).contains("1 connected replicas"));
    assertThat(component(rule, 3, shard("a", info("connected_slaves:2")), replica)).isEmpty();
    assertThat(component(rule, 1, shard("a", info()))).isEmpty();
  }

  @Test
  void persistenceFailing() {
    Rule rule = new PersistenceFailing();
    assertThat(message(rule, Purpose.CACHE, info("rdb_last_bgsave_status:err")))
        .startsWith("rdb_last_bgsave_status:err");
    assertThat(message(rule, Purpose.CACHE, info())).isNull();
  }

  @Test
  void noPersistenceAndLastSaveOld() {
    Info unsaved = info("uptime_in_seconds:4000", "rdb_changes_since_last_save:50", "rdb_saves:0");
    assertThat(message(new NoPersistence(), Purpose.QUEUE, unsaved))
        .contains("no RDB snapshot was taken in 4000 s");
    assertThat(message(new LastSaveOld(), Purpose.QUEUE, unsaved)).as("NoPersistence's").isNull();
    assertThat(message(new NoPersistence(), Purpose.QUEUE, info("uptime_in_seconds:60"))).isNull();
    assertThat(
            message(
                new NoPersistence(),
                Purpose.QUEUE,
                info("uptime_in_seconds:4000", "rdb_changes_since_last_save:50", "aof_enabled:1")))
        .isNull();
    long serverTime = 1795307155598164L / 1_000_000;
    Info stale =
        info(
            "rdb_saves:3",
            "rdb_changes_since_last_save:50",
            "rdb_last_save_time:" + (serverTime - 7200));
    assertThat(message(new LastSaveOld(), Purpose.QUEUE, stale)).contains("7200 s ago");
    Info fresh =
        info(
            "rdb_saves:3",
            "rdb_changes_since_last_save:50",
            "rdb_last_save_time:" + (serverTime - 60));
    assertThat(message(new LastSaveOld(), Purpose.QUEUE, fresh)).isNull();
    assertThat(message(new LastSaveOld(), Purpose.QUEUE, fixture(OLD)))
        .as("2.8 has no server_time_usec")
        .isNull();
    assertThat(message(new NoPersistence(), Purpose.QUEUE, fixture(OLD)))
        .as("2.8 has no rdb_saves")
        .isNull();
  }

  @Test
  void persistenceOnCache() {
    Rule rule = new PersistenceOnCache();
    assertThat(message(rule, Purpose.CACHE, info("aof_enabled:1"))).contains("appendonly");
    assertThat(message(rule, Purpose.CACHE, info("rdb_saves:4", "sync_full:1")))
        .startsWith("4 RDB snapshots");
    assertThat(message(rule, Purpose.CACHE, info("rdb_saves:1", "sync_full:1"))).isNull();
    assertThat(message(rule, Purpose.CACHE, info())).isNull();
  }

  @Test
  void slowForkFragmentationAndBuffers() {
    assertThat(message(new SlowFork(), Purpose.OTHER, info("latest_fork_usec:900000")))
        .contains("900 ms");
    assertThat(message(new SlowFork(), Purpose.OTHER, info("latest_fork_usec:2000"))).isNull();
    assertThat(
            message(
                new Fragmentation(),
                Purpose.OTHER,
                info("mem_fragmentation_ratio:1.8", "mem_fragmentation_bytes:500000000")))
        .contains("mem_fragmentation_ratio is 1.8");
    assertThat(message(new Fragmentation(), Purpose.OTHER, info()))
        .as("ratio 13.74 but only 11 MB: a small server")
        .isNull();
    assertThat(
            message(
                new BigClientBuffers(),
                Purpose.OTHER,
                info("client_recent_max_output_buffer:100000000")))
        .contains("output buffer reached 95.37M");
    assertThat(message(new BigClientBuffers(), Purpose.OTHER, info())).isNull();
  }

  @Test
  void blockedClientsGrowing() {
    Rule rule = new BlockedClients();
    assertThat(message(rule, Purpose.STATS, info("blocked_clients:12"), info("blocked_clients:11")))
        .startsWith("12 clients blocked");
    assertThat(message(rule, Purpose.STATS, info("blocked_clients:12"), info("blocked_clients:30")))
        .as("falling")
        .isNull();
    assertThat(message(rule, Purpose.STATS, info("blocked_clients:3"), info("blocked_clients:2")))
        .isNull();
  }

  @Test
  void keysWithoutExpiry() {
    Rule rule = new KeysWithoutExpiry();
    assertThat(message(rule, Purpose.LOCK, info("db0:keys=1000,expires=10,avg_ttl=5")))
        .startsWith("only 10 of 1000 keys (1.0 %)");
    assertThat(message(rule, Purpose.LOCK, info("db0:keys=1000,expires=990,avg_ttl=5"))).isNull();
    assertThat(message(rule, Purpose.LOCK, info("db0:keys=5,expires=0,avg_ttl=0")))
        .as("too few keys to judge")
        .isNull();
  }

  @Test
  void redisEolAndSeveralDatabases() {
    assertThat(message(new RedisEol(), Purpose.OTHER, fixture(OLD)))
        .isEqualTo("Redis 2.8.19 is end-of-life: upgrade to 6.x or newer");
    assertThat(message(new RedisEol(), Purpose.OTHER, info())).isNull();
    assertThat(message(new RedisEol(), Purpose.OTHER, info("redis_version:5")))
        .startsWith("Redis 5 is end-of-life");
    assertThat(message(new RedisEol(), Purpose.OTHER, info("redis_version:10.2.0"))).isNull();
    for (String unreadable : List.of("x.0.1", ".1", "", "99999999999.1.2", "5a.0")) {
      assertThat(message(new RedisEol(), Purpose.OTHER, info("redis_version:" + unreadable)))
          .as(unreadable)
          .isNull();
    }
    assertThat(
            message(
                new SeveralDatabases(),
                Purpose.OTHER,
                info("db0:keys=1,expires=0,avg_ttl=0", "db3:keys=7,expires=0,avg_ttl=0")))
        .startsWith("keys in db0, db3");
    assertThat(message(new SeveralDatabases(), Purpose.OTHER, info())).isNull();
  }
}
