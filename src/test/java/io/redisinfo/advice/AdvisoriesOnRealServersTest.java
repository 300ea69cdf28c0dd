package io.redisinfo.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redisinfo.component.Purpose;
import io.redisinfo.info.Info;
import io.redisinfo.metrics.AdvisoryCollector;
import io.redisinfo.testing.Load;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real redis-servers configured to trigger rules, polled into the tracker. */
class AdvisoriesOnRealServersTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private AdvisedFleet fleet(Hysteresis hysteresis) {
    AdvisedFleet fleet = new AdvisedFleet(hysteresis, AdvisorySettings.DEFAULTS);
    closing.add(0, fleet);
    return fleet;
  }

  private static void awaitRules(AdvisedFleet fleet, String component, String... rules) {
    await().atMost(WAIT).untilAsserted(() -> assertThat(fleet.rules(component)).contains(rules));
  }

  @Test
  void aCacheWithoutMaxmemoryIsCriticalUntilALimitAndPolicyAreSet() {
    RedisServer server = redis.start(); // maxmemory 0, noeviction: Redis' defaults
    AdvisedFleet fleet = fleet(new Hysteresis(2, 3, Duration.ZERO));
    String cache = fleet.component("cache", Purpose.CACHE, server);

    awaitRules(fleet, cache, "no-maxmemory", "eviction-policy");
    Advisory advisory = fleet.tracker.advisories(cache).get(0);
    assertThat(advisory.rule()).isEqualTo("no-maxmemory");
    assertThat(advisory.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(advisory.shard()).isEqualTo("shop/cache-0");
    assertThat(advisory.message()).contains("set maxmemory");

    server.command("CONFIG", "SET", "maxmemory", "64mb");
    server.command("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
    await().atMost(WAIT).until(() -> fleet.tracker.advisories(cache).isEmpty());
    assertThat(fleet.events)
        .containsExactlyInAnyOrder(
            "start shop/cache no-maxmemory CRITICAL shop/cache-0",
            "start shop/cache eviction-policy WARNING shop/cache-0",
            "clear shop/cache no-maxmemory CRITICAL shop/cache-0",
            "clear shop/cache eviction-policy WARNING shop/cache-0");
  }

  @Test
  void aCounterThatEvictsIsCritical() {
    RedisServer server = redis.start("maxmemory", "4mb", "maxmemory-policy", "allkeys-lru");
    AdvisedFleet fleet = fleet(Hysteresis.DEFAULT);
    String counters = fleet.component("counters", Purpose.COUNTER, server);
    closing.add(Load.filling(server, 100_000, 1000));

    awaitRules(fleet, counters, "evictions", "eviction-policy", "memory-near-limit");
    assertThat(fleet.tracker.advisories(counters))
        .filteredOn(a -> a.rule().equals("evictions"))
        .singleElement()
        .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.CRITICAL))
        .satisfies(a -> assertThat(a.message()).contains("keys evicted since the last poll"));
  }

  @Test
  void keysCallsAreCaughtAlsoUnderAnotherName() throws Exception {
    RedisServer plain = redis.start("maxmemory", "64mb");
    RedisServer renamed = redis.start("maxmemory", "64mb", "rename-command", "KEYS MYKEYS");
    AdvisedFleet fleet = fleet(Hysteresis.DEFAULT);
    String stats = fleet.component("stats", Purpose.STATS, plain);
    String log = fleet.component("log", Purpose.LOG, renamed);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    closing.add(
        () -> {
          running.set(false);
          callers.shutdown();
          callers.awaitTermination(5, TimeUnit.SECONDS);
        });
    callers.submit(() -> callRepeatedly(running, plain, "KEYS"));
    callers.submit(() -> callRepeatedly(running, renamed, "MYKEYS"));

    awaitRules(fleet, stats, "keys-command");
    awaitRules(fleet, log, "keys-command");
    assertThat(fleet.tracker.advisories(stats).get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void aSingleKeysCallIsShownAndClearsLater() {
    RedisServer server = redis.start("maxmemory", "64mb");
    AdvisedFleet fleet = fleet(new Hysteresis(2, 3, Duration.ZERO));
    String stats = fleet.component("stats", Purpose.STATS, server);
    String shard = AdvisedFleet.shardId("stats", 0);
    await().atMost(WAIT).until(() -> fleet.polls(shard) >= 2);

    server.command("KEYS", "*");

    await()
        .atMost(WAIT)
        .until(() -> fleet.events.contains("start shop/stats keys-command WARNING " + shard));
    await()
        .atMost(WAIT)
        .until(() -> fleet.events.contains("clear shop/stats keys-command WARNING " + shard));
    assertThat(fleet.tracker.advisories(stats)).isEmpty();
  }

  private static void callRepeatedly(AtomicBoolean running, RedisServer server, String command) {
    while (running.get()) {
      server.command(command, "*");
      try {
        Thread.sleep(10); // a client's pace, not a synchronisation
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Test
  void appendonlyOnACacheIsAWarning() {
    RedisServer server =
        redis.start("maxmemory", "64mb", "maxmemory-policy", "allkeys-lru", "appendonly", "yes");
    AdvisedFleet fleet = fleet(Hysteresis.DEFAULT);
    String cache = fleet.component("cache", Purpose.CACHE, server);

    awaitRules(fleet, cache, "persistence-on-cache");
    assertThat(fleet.tracker.advisories(cache))
        .singleElement()
        .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void aReplicaWhoseMasterIsKilledHasItsLinkDownAndTheComponentNoMaster() {
    RedisServer master = redis.start("maxmemory", "64mb");
    RedisServer replica =
        redis.start("maxmemory", "64mb", "replicaof", "127.0.0.1 " + master.port());
    // Declared once replicated: a pair still syncing is rightly missing a replica.
    await()
        .atMost(WAIT)
        .until(() -> replica.command("INFO", "replication").contains("link_status:up"));
    AdvisedFleet fleet =
        new AdvisedFleet(
            Hysteresis.DEFAULT, AdvisorySettings.of(List.of(), Map.of("replicaLagSeconds", 1)));
    closing.add(0, fleet);
    String sessions = fleet.component("sessions", Purpose.SESSION, master, replica);
    String replicaId = AdvisedFleet.shardId("sessions", 1);
    long polled = fleet.polls(replicaId);
    await().atMost(WAIT).until(() -> fleet.polls(replicaId) >= polled + 4);
    assertThat(fleet.tracker.advisories(sessions)).as("healthy pair").isEmpty();

    master.kill();

    awaitRules(fleet, sessions, "replication-link-down", "master-count");
    assertThat(fleet.tracker.advisories(sessions))
        .extracting(a -> a.rule() + " " + a.severity() + " " + a.shard())
        .contains("replication-link-down CRITICAL " + replicaId, "master-count CRITICAL null");
  }

  @Test
  void aRemovedShardOrComponentTakesItsAdvisoriesAlongAtOnce() {
    RedisServer first = redis.start();
    RedisServer second = redis.start();
    AdvisedFleet fleet = fleet(Hysteresis.DEFAULT);
    String cache = fleet.component("cache", Purpose.CACHE, first);
    String log = fleet.component("log", Purpose.LOG, second);
    awaitRules(fleet, cache, "no-maxmemory");
    awaitRules(fleet, log, "no-maxmemory");
    AdvisoryCollector metric = new AdvisoryCollector(fleet.tracker);
    assertThat(series(metric))
        .contains(
            "namespace=shop component=cache rule=no-maxmemory severity=critical",
            "namespace=shop component=log rule=no-maxmemory severity=critical");

    fleet.shards.remove("shop/cache-0");
    assertThat(series(metric))
        .noneMatch(s -> s.contains("component=cache"))
        .contains("namespace=shop component=log rule=no-maxmemory severity=critical");
    assertThat(fleet.tracker.advisories(cache)).isEmpty();
    assertThat(fleet.events).contains("clear shop/cache no-maxmemory CRITICAL shop/cache-0");

    fleet.components.remove("test", log);
    assertThat(fleet.tracker.advisories(log)).isEmpty();
    assertThat(fleet.tracker.all()).isEmpty();
    assertThat(fleet.events).contains("clear shop/log no-maxmemory CRITICAL shop/log-0");
    assertThat(series(metric)).isEmpty();
  }

  private static List<String> series(AdvisoryCollector collector) {
    List<String> series = new ArrayList<>();
    collector
        .collect()
        .forEach(
            family ->
                family
                    .getDataPoints()
                    .forEach(
                        point -> {
                          StringBuilder b = new StringBuilder();
                          for (String name :
                              List.of("namespace", "component", "rule", "severity")) {
                            b.append(b.isEmpty() ? "" : " ")
                                .append(name)
                                .append('=')
                                .append(point.getLabels().get(name));
                          }
                          series.add(b.toString());
                        }));
    return series;
  }

  @Test
  void aNewPurposeReplacesTheSeverityAndADisabledRuleStaysSilent() {
    RedisServer server = redis.start();
    AdvisedFleet fleet = fleet(Hysteresis.DEFAULT);
    String cache = fleet.component("cache", Purpose.CACHE, server);
    awaitRules(fleet, cache, "no-maxmemory");

    fleet.component("cache", Purpose.QUEUE, server); // the same server, declared a queue now
    assertThat(fleet.events).contains("clear shop/cache no-maxmemory CRITICAL shop/cache-0");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(fleet.tracker.advisories(cache))
                    .extracting(a -> a.rule() + " " + a.severity())
                    .containsExactly("no-maxmemory WARNING"));

    AdvisedFleet quiet =
        new AdvisedFleet(
            Hysteresis.DEFAULT, AdvisorySettings.of(List.of("no-maxmemory"), Map.of()));
    closing.add(0, quiet);
    String other = quiet.component("other", Purpose.CACHE, server);
    awaitRules(quiet, other, "eviction-policy");
    assertThat(quiet.rules(other)).containsExactly("eviction-policy");
  }

  /** A server set up right for each purpose: no rule finds anything, poll after poll. */
  @Test
  void aHealthyServerOfEachPurposeGetsNoAdvisory() {
    AdvisedFleet fleet = fleet(Hysteresis.DEFAULT);
    Map<Purpose, String> ids = new EnumMap<>(Purpose.class);
    for (Purpose purpose : Purpose.values()) {
      boolean durable =
          switch (purpose) {
            case SESSION, COUNTER, LOCK, QUEUE -> true;
            default -> false;
          };
      RedisServer server =
          redis.start(
              "maxmemory", "64mb", "maxmemory-policy", durable ? "noeviction" : "allkeys-lru");
      for (int i = 0; i < 200; i++) {
        server.command("SET", "key:" + i, "value", "EX", "3600");
      }
      server.command("GET", "key:1");
      String name = purpose.wireName();
      fleet.component(name, purpose, server);
      ids.put(purpose, AdvisedFleet.shardId(name, 0));
    }
    await().atMost(WAIT).until(() -> ids.values().stream().allMatch(id -> fleet.polls(id) >= 5));

    AdvisoryEvaluator evaluator = new AdvisoryEvaluator();
    for (Map.Entry<Purpose, String> e : ids.entrySet()) {
      Info info = fleet.shards.get(e.getValue()).orElseThrow().snapshot().info();
      assertThat(
              evaluator.evaluate(
                  e.getKey(),
                  List.of(new ShardInfo(e.getValue(), info, info)),
                  1,
                  AdvisorySettings.DEFAULTS,
                  java.time.Instant.now()))
          .as(e.getKey().wireName())
          .isEmpty();
    }
    assertThat(fleet.events).isEmpty();
    assertThat(fleet.tracker.all()).isEmpty();
  }
}
