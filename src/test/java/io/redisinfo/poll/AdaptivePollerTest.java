package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.PollingRange;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import io.redisinfo.testing.Load;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdaptivePollerTest {
  @RegisterExtension final RedisServers redis = RedisServers.perTest();

  private final ShardRegistry registry = new ShardRegistry(Duration.ofMillis(200));
  private AdaptivePoller poller;

  private AdaptivePoller start(PollerOptions options) {
    poller = new AdaptivePoller(registry, options, PollObserver.NONE);
    poller.start();
    return poller;
  }

  private static PollerOptions options(Duration min, Duration max, Duration timeout) {
    return PollerOptions.builder().range(new PollingRange(min, max)).timeout(timeout).build();
  }

  @AfterEach
  void stop() {
    if (poller != null) {
      poller.close();
    }
  }

  private Shard add(String id, RedisServer server) {
    return add(ShardSpec.of(id, ShardAddress.parse(server.address())));
  }

  private Shard add(ShardSpec spec) {
    registry.put("test", spec);
    return registry.get(spec.id()).orElseThrow();
  }

  @Test
  void aBusyShardsIntervalFallsWhileAnIdleOnesRises() {
    RedisServer busy = redis.start();
    RedisServer idle = redis.start();
    start(options(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(2)));
    Shard busyShard = add("busy", busy);
    Shard idleShard = add("idle", idle);
    try (Load load = Load.on(busy)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(busyShard.snapshot().summary()).isNotNull();
                assertThat(busyShard.snapshot().summary().opsPerSec()).isGreaterThan(100.0);
                assertThat(busyShard.snapshot().pollInterval()).isEqualTo(Duration.ofMillis(100));
                assertThat(idleShard.snapshot().pollInterval())
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
              });
    }
    assertThat(idleShard.snapshot().reachable()).isTrue();
  }

  @Test
  void aKilledServerBecomesUnreachableAndRecoversWhenRestarted() {
    RedisServer server = redis.start();
    start(options(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(500)));
    Shard shard = add("s", server);
    await().atMost(Duration.ofSeconds(10)).until(() -> shard.snapshot().reachable());

    server.kill();
    // Within timeout + max interval (plus jitter and scheduling slack).
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(shard.snapshot().reachable()).isFalse();
              assertThat(shard.snapshot().lastError()).contains(server.address());
            });
    assertThat(shard.snapshot().info()).as("the last good INFO is kept").isNotNull();

    server.restart();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(shard.snapshot().reachable()).isTrue();
              assertThat(shard.snapshot().lastError()).isNull();
            });
  }

  @Test
  void aFrozenServerIsMarkedUnreachableAfterTheTimeoutWithoutDelayingOthers() {
    RedisServer frozen = redis.start();
    List<RedisServer> others = List.of(redis.start(), redis.start(), redis.start());
    start(options(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(1500)));
    Shard frozenShard = add("frozen", frozen);
    List<Shard> otherShards = new ArrayList<>();
    for (int i = 0; i < others.size(); i++) {
      otherShards.add(add("other-" + i, others.get(i)));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> registry.all().stream().allMatch(s -> s.snapshot().reachable()));

    frozen.pause();
    try {
      long[] maxAgeMs = {0};
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .untilAsserted(
              () -> {
                long now = System.nanoTime();
                for (Shard other : otherShards) {
                  maxAgeMs[0] = Math.max(maxAgeMs[0], other.snapshot().ageMillis(now));
                }
                assertThat(frozenShard.snapshot().reachable()).isFalse();
                assertThat(frozenShard.snapshot().lastError()).contains("no answer");
              });
      // The others kept their 200 ms rhythm while the frozen one waited 1.5 s for its timeout.
      assertThat(maxAgeMs[0]).isLessThan(1000);
      assertThat(otherShards).allMatch(s -> s.snapshot().reachable());
    } finally {
      frozen.resume();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> frozenShard.snapshot().reachable());
  }

  @Test
  void atStartUpEveryShardsFirstPollComesBeforeAnySecondPoll() throws Exception {
    // A port that accepts and never answers: its first poll ends only with the timeout (1 s),
    // while the others' interval (100 ms) would have them asked about ten times meanwhile.
    try (ServerSocket silent = new ServerSocket(0)) {
      SilentSweep sweep = startWithTwoAnswering(false);
      List<Shard> answering = sweep.answering();
      CompletableFuture<Long> pollsOfOthersWhenSilentFinished = sweep.othersWhenSilentFinished();
      add(ShardSpec.of("silent", new ShardAddress("127.0.0.1", silent.getLocalPort())));

      // One poll each, however long the silent one took to give up.
      assertThat(pollsOfOthersWhenSilentFinished.get(10, TimeUnit.SECONDS)).isEqualTo(2);
      // The sweep is over: the shards that answer go back to their own rhythm.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> answering.stream().allMatch(s -> s.snapshot().polls() >= 3));
    }
  }

  @Test
  void theSweepLastsUntilEveryShardKnownAtStartIsRegisteredAndPolledOnce() throws Exception {
    // The answering shards have had their first poll before the silent one is even registered,
    // as when a mode registers a thousand shards one by one: without the hold the sweep would end
    // then and they would be asked about ten times while the silent one waits for its timeout.
    try (ServerSocket silent = new ServerSocket(0)) {
      SilentSweep sweep = startWithTwoAnswering(true);
      List<Shard> answering = sweep.answering();
      CompletableFuture<Long> pollsOfOthersWhenSilentFinished = sweep.othersWhenSilentFinished();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> answering.stream().allMatch(s -> s.snapshot().polls() >= 1));
      long pollsOfOthersWhenSilentAdded =
          answering.stream().mapToLong(s -> s.snapshot().polls()).sum();
      add(ShardSpec.of("silent", new ShardAddress("127.0.0.1", silent.getLocalPort())));
      poller.allShardsKnown();

      // At most the polls already under way when it was added (about 20 without the hold).
      assertThat(pollsOfOthersWhenSilentFinished.get(10, TimeUnit.SECONDS))
          .isLessThanOrEqualTo(pollsOfOthersWhenSilentAdded + answering.size());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> answering.stream().allMatch(s -> s.snapshot().polls() >= 3));
    }
  }

  /** Two answering shards and what their polls were when the shard "silent" had its first. */
  private record SilentSweep(
      List<Shard> answering, CompletableFuture<Long> othersWhenSilentFinished) {}

  /**
   * Starts a poller (100 ms interval, 1 s timeout; {@code hold}: expecting more shards at start)
   * with two answering shards; the test adds "silent".
   */
  private SilentSweep startWithTwoAnswering(boolean hold) {
    List<RedisServer> servers = List.of(redis.start(), redis.start());
    List<Shard> answering = new ArrayList<>();
    CompletableFuture<Long> result = new CompletableFuture<>();
    poller =
        new AdaptivePoller(
            registry,
            options(Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(1)),
            (shard, failure, duration) -> {
              if (shard.id().equals("silent")) {
                result.complete(answering.stream().mapToLong(s -> s.snapshot().polls()).sum());
              }
            });
    if (hold) {
      poller.expectShardsAtStart();
    }
    poller.start();
    for (int i = 0; i < servers.size(); i++) {
      answering.add(add("answering-" + i, servers.get(i)));
    }
    return new SilentSweep(answering, result);
  }

  @Test
  void passwordAndAclUserAuthenticate() {
    RedisServer withPassword = redis.start("requirepass", "s3cret");
    RedisServer withAcl =
        redis.start("user", "monitor on >m0nitor +info +client +ping +hello +auth ~*");
    start(options(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2)));
    Shard password =
        add(
            ShardSpec.of("password", ShardAddress.parse(withPassword.address()))
                .withCredentials(new Credentials(null, "s3cret")));
    Shard acl =
        add(
            ShardSpec.of("acl", ShardAddress.parse(withAcl.address()))
                .withCredentials(new Credentials("monitor", "m0nitor")));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(password.snapshot().reachable()).isTrue();
              assertThat(acl.snapshot().reachable()).isTrue();
            });
  }

  @Test
  void aWrongPasswordGivesAnErrorThatSaysSoAndARotatedPasswordIsUsed() {
    RedisServer server = redis.start("requirepass", "right");
    start(options(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2)));
    ShardSpec wrong =
        ShardSpec.of("s", ShardAddress.parse(server.address()))
            .withCredentials(new Credentials(null, "wrong"));
    Shard shard = add(wrong);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(shard.snapshot().reachable()).isFalse();
              assertThat(shard.snapshot().lastError())
                  .contains("authentication failed")
                  .doesNotContain("wrong");
            });

    registry.put("test", wrong.withCredentials(new Credentials(null, "right")));
    await().atMost(Duration.ofSeconds(10)).until(() -> shard.snapshot().reachable());
  }

  @Test
  void aRenamedInfoCommandGivesAnErrorThatSaysInfoIsNotAvailable() {
    RedisServer server = redis.start("rename-command", "INFO \"\"");
    start(options(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2)));
    Shard shard = add("s", server);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(shard.snapshot().lastError()).contains("INFO is not available"));
    assertThat(shard.snapshot().reachable()).isFalse();
  }

  @Test
  void aPortThatIsNotRedisGivesAProtocolErrorNotAHang() throws Exception {
    ExecutorService acceptor = Executors.newSingleThreadExecutor();
    try (ServerSocket notRedis = new ServerSocket(0)) {
      acceptor.submit(
          () -> {
            while (!notRedis.isClosed()) {
              try {
                Socket socket = notRedis.accept();
                OutputStream out = socket.getOutputStream();
                out.write(
                    "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
              } catch (IOException e) {
                return null;
              }
            }
            return null;
          });
      start(options(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2)));
      Shard shard =
          add(ShardSpec.of("http", new ShardAddress("127.0.0.1", notRedis.getLocalPort())));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertThat(shard.snapshot().polls()).isPositive();
                assertThat(shard.snapshot().lastError()).contains("protocol error");
              });
    } finally {
      acceptor.shutdownNow();
    }
  }

  @Test
  void concurrentRefreshesShareTheOneInfoInFlight() throws Exception {
    RedisServer server = redis.start();
    // A long interval: only refreshes poll during the test.
    start(options(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(2)));
    Shard shard = add("s", server);
    await().atMost(Duration.ofSeconds(10)).until(() -> shard.snapshot().reachable());
    long before = infoCalls(server);

    // Frozen, the server holds the first INFO: every refresh meanwhile must join it.
    server.pause();
    List<CompletableFuture<ShardSnapshot>> refreshes = new ArrayList<>();
    try {
      ExecutorService callers = Executors.newFixedThreadPool(8);
      List<java.util.concurrent.Future<CompletableFuture<ShardSnapshot>>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(callers.submit(() -> poller.refresh("s")));
      }
      for (var call : calls) {
        refreshes.add(call.get(5, TimeUnit.SECONDS));
      }
      callers.shutdown();
      assertThat(refreshes)
          .allMatch(f -> f == refreshes.get(0))
          .noneMatch(CompletableFuture::isDone);
    } finally {
      server.resume();
    }
    ShardSnapshot snapshot = refreshes.get(0).get(10, TimeUnit.SECONDS);
    assertThat(snapshot.reachable()).isTrue();
    // One INFO for the 50 refreshes (the INFO commandstats below is counted after it).
    assertThat(infoCalls(server) - before).isEqualTo(1 + 1);
  }

  @Test
  void refreshOfAnUnknownShardFails() {
    start(options(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2)));
    assertThat(poller.refresh("nope")).isCompletedExceptionally();
  }

  @Test
  void addingAndRemovingShardsManyTimesLeaksNoConnectionThreadOrTimer() {
    RedisServer server = redis.start();
    start(options(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(2)));
    add("warm-up", server);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> registry.get("warm-up").orElseThrow().snapshot().reachable());
    registry.remove("warm-up");
    await().atMost(Duration.ofSeconds(10)).until(() -> ourConnections(server) == 0);
    int threadsBefore = Thread.activeCount();

    for (int cycle = 0; cycle < 40; cycle++) {
      Shard shard = add("cycle", server);
      await().atMost(Duration.ofSeconds(10)).until(() -> shard.snapshot().polls() > 0);
      registry.remove("cycle");
    }

    assertThat(poller.pollerCount()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> ourConnections(server) == 0);
    await().atMost(Duration.ofSeconds(5)).until(() -> poller.scheduledCount() == 0);
    assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
  }

  private static long infoCalls(RedisServer server) {
    Matcher m =
        Pattern.compile("cmdstat_info:calls=(\\d+)")
            .matcher(server.command("INFO", "commandstats"));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static long ourConnections(RedisServer server) {
    return server
        .command("CLIENT", "LIST")
        .lines()
        .filter(l -> l.contains("name=redis-info-operator"))
        .count();
  }
}
