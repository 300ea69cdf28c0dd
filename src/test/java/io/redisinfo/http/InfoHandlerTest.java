package io.redisinfo.http;

import static io.redisinfo.http.Fixtures.failing;
import static io.redisinfo.http.Fixtures.info;
import static io.redisinfo.http.Fixtures.snapshot;
import static io.redisinfo.http.TestClient.contentType;
import static io.redisinfo.http.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.redisinfo.info.Info;
import io.redisinfo.info.InfoParser;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfoHandlerTest {
  private static final long FRESH_MEMORY = 999_999;

  private final ShardRegistry registry = new ShardRegistry(Duration.ofSeconds(1));

  /** By default a refresh publishes a new INFO (used_memory 999999) at once. */
  private TestRefresher refresher =
      new TestRefresher(id -> CompletableFuture.completedFuture(publishFresh(id)));

  private ApiServer server;
  private TestClient client;
  private long refreshedMillis;

  @BeforeEach
  void addShards() {
    registry.put("test", ShardSpec.of("shop/redis-1", new ShardAddress("10.0.0.2", 6379)));
    registry.put("test", ShardSpec.of("shop/redis-0", new ShardAddress("10.0.0.1", 6379)));
    registry.put("test", ShardSpec.of("adhoc", new ShardAddress("localhost", 6380)));
    publish("shop/redis-0", snapshot(info("master", 100), 2_000));
    publish("shop/redis-1", snapshot(info("slave", 200), 2_000));
    publish("adhoc", snapshot(info("master", 300), 2_000));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(Duration refreshWait) {
    server =
        ApiServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            new ApiServer.Limits(2, 64));
    server.route(InfoHandler.PATH, new InfoHandler(registry, refresher, refreshWait));
    client = new TestClient(server);
  }

  private TestClient client() {
    if (server == null) {
      start(Duration.ofSeconds(10));
    }
    return client;
  }

  private Shard shard(String id) {
    return registry.get(id).orElseThrow();
  }

  private void publish(String id, ShardSnapshot snapshot) {
    shard(id).publish(snapshot);
  }

  private ShardSnapshot publishFresh(String id) {
    ShardSnapshot fresh = snapshot(info("master", FRESH_MEMORY), 0);
    refreshedMillis = fresh.infoAtEpochMillis();
    shard(id).publish(fresh);
    return fresh;
  }

  private JsonNode ok(String query) {
    HttpResponse<String> response = client().get("/v1/info" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo("application/json");
    return json(response);
  }

  private static List<String> ids(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.path("shards").forEach(s -> ids.add(s.path("id").asText()));
    return ids;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private JsonNode problem(String query, int status) {
    HttpResponse<String> response = client().get("/v1/info" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(contentType(response)).isEqualTo("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    return problem;
  }

  private void assertBadRequest(String query, String detail) {
    assertThat(problem(query, 400).path("detail").asText()).isEqualTo(detail);
  }

  @Test
  void givesEveryShardsInfoSortedById() {
    JsonNode body = ok("");

    assertThat(ids(body)).containsExactly("adhoc", "shop/redis-0", "shop/redis-1");
    assertThat(body.path("errors").isArray()).isTrue();
    assertThat(body.path("errors")).isEmpty();
    assertThat(refresher.totalCalls()).isZero();
  }

  @Test
  void givesIdAddressAgeAndPollTimeOfEachShard() {
    ShardSnapshot snapshot = shard("shop/redis-0").snapshot();

    JsonNode shard = ok("?shard=shop/redis-0").path("shards").get(0);

    assertThat(shard.path("id").asText()).isEqualTo("shop/redis-0");
    assertThat(shard.path("address").asText()).isEqualTo("10.0.0.1:6379");
    assertThat(shard.path("ageMs").isIntegralNumber()).isTrue();
    assertThat(shard.path("ageMs").asLong()).isGreaterThanOrEqualTo(2_000);
    assertThat(shard.path("polledAt").asText())
        .isEqualTo(Instant.ofEpochMilli(snapshot.infoAtEpochMillis()).toString())
        .endsWith("Z");
  }

  @Test
  void groupsInfoBySectionInServerOrderWithTypedValues() {
    JsonNode info = ok("?shard=shop/redis-0").path("shards").get(0).path("info");

    assertThat(fieldNames(info))
        .containsExactly(
            "server", "clients", "memory", "replication", "commandstats", "errorstats", "keyspace");
    assertThat(fieldNames(info.path("memory")))
        .containsExactly("used_memory", "used_memory_human", "mem_fragmentation_ratio");
    assertThat(info.path("memory").path("used_memory").isIntegralNumber()).isTrue();
    assertThat(info.path("memory").path("used_memory").asLong()).isEqualTo(100);
    assertThat(info.path("memory").path("mem_fragmentation_ratio").isDouble()).isTrue();
    assertThat(info.path("memory").path("mem_fragmentation_ratio").asDouble()).isEqualTo(1.5);
    assertThat(info.path("memory").path("used_memory_human").isTextual()).isTrue();
    assertThat(info.path("server").path("redis_version").asText()).isEqualTo("7.2.4");
    assertThat(info.path("keyspace").path("db0").isObject()).isTrue();
    assertThat(info.path("keyspace").path("db0").path("keys").asLong()).isEqualTo(42);
    assertThat(info.path("commandstats").path("cmdstat_get").path("usec_per_call").asDouble())
        .isEqualTo(2.0);
    assertThat(info.path("errorstats").isObject()).isTrue();
    assertThat(info.path("errorstats")).isEmpty();
  }

  @Test
  void servesTheInfoPublishedLast() {
    assertThat(
            ok("?shard=adhoc")
                .path("shards")
                .get(0)
                .path("info")
                .path("memory")
                .path("used_memory")
                .asLong())
        .isEqualTo(300);
    publish("adhoc", snapshot(info("master", 301), 0));

    assertThat(
            ok("?shard=adhoc")
                .path("shards")
                .get(0)
                .path("info")
                .path("memory")
                .path("used_memory")
                .asLong())
        .isEqualTo(301);
  }

  @Test
  void selectsShardsByIdOrAddressGlobs() {
    assertThat(ids(ok("?shard=shop/*"))).containsExactly("shop/redis-0", "shop/redis-1");
    assertThat(ids(ok("?shard=shop/redis-?"))).containsExactly("shop/redis-0", "shop/redis-1");
    assertThat(ids(ok("?shard=shop/redis-[1-9]"))).containsExactly("shop/redis-1");
    assertThat(ids(ok("?shard=10.0.0.2:6379"))).containsExactly("shop/redis-1");
    assertThat(ids(ok("?shard=*:6380"))).containsExactly("adhoc");
    assertThat(ids(ok("?shard=adhoc&shard=10.0.0.1:*"))).containsExactly("adhoc", "shop/redis-0");
    assertThat(ids(ok("?shard=nothing*"))).isEmpty();
  }

  @Test
  void exactIdsAreLookedUpSortedAndEachShardIsListedOnce() {
    assertThat(ids(ok("?shard=shop/redis-1&shard=shop/redis-0&shard=shop/redis-1")))
        .containsExactly("shop/redis-0", "shop/redis-1");
    assertThat(ids(ok("?shard=shop/redis-1&shard=10.0.0.2:6379"))).containsExactly("shop/redis-1");
    assertThat(problem("?shard=shop/redis-0&shard=shop/redis-9", 404).path("detail").asText())
        .isEqualTo("unknown shard 'shop/redis-9'");
  }

  @Test
  void anUnknownShardNamedWithoutWildcardsIs404() {
    assertThat(problem("?shard=shop/redis-9", 404).path("detail").asText())
        .isEqualTo("unknown shard 'shop/redis-9'");
    assertThat(problem("?shard=adhoc&shard=x&shard=10.9.9.9:6379", 404).path("detail").asText())
        .isEqualTo("unknown shards 'x', '10.9.9.9:6379'");
  }

  @Test
  void selectsKeysByGlob() {
    JsonNode info =
        ok("?shard=adhoc&key=used_memory&key=cmdstat_*").path("shards").get(0).path("info");

    assertThat(fieldNames(info)).containsExactly("memory", "commandstats");
    assertThat(fieldNames(info.path("memory"))).containsExactly("used_memory");
    assertThat(fieldNames(info.path("commandstats"))).containsExactly("cmdstat_get", "cmdstat_set");
    assertThat(ok("?shard=adhoc&key=nothing*").path("shards").get(0).path("info")).isEmpty();
  }

  private List<JsonNode> infos(String query) {
    List<JsonNode> infos = new ArrayList<>();
    ok(query).path("shards").forEach(s -> infos.add(s.path("info")));
    return infos;
  }

  /** The INFO text of {@code info}, for the parser (whose Info answers key lookups by index). */
  private static String text(Info info) {
    StringBuilder text = new StringBuilder();
    info.sections()
        .forEach(
            (name, keys) -> {
              text.append("# ").append(name).append("\r\n");
              keys.forEach(
                  (key, value) -> {
                    text.append(key).append(':');
                    if (value instanceof Map<?, ?> nested) {
                      StringJoiner pairs = new StringJoiner(",");
                      nested.forEach((k, v) -> pairs.add(k + "=" + v));
                      text.append(pairs);
                    } else {
                      text.append(value);
                    }
                    text.append("\r\n");
                  });
            });
    return text.toString();
  }

  @Test
  void exactKeyNamesAnswerExactlyLikeTheSameKeysAsPatterns() {
    checkExactKeysAnswerLikePatterns();
    InfoParser parser = new InfoParser();
    for (Shard shard : registry.all()) {
      Info parsed = parser.parse(text(shard.snapshot().info()));
      assertThat(parsed.sections()).isEqualTo(shard.snapshot().info().sections());
      publish(shard.id(), snapshot(parsed, 2_000));
    }
    checkExactKeysAnswerLikePatterns();
  }

  private void checkExactKeysAnswerLikePatterns() {
    String exact = "?key=role&key=used_memory&key=cmdstat_get&key=used_memory_human";
    String patterns = "?key=rol[e]&key=used_memor[y]&key=cmdstat_ge[t]&key=used_memory_huma[n]";

    List<JsonNode> byName = infos(exact);
    assertThat(byName).hasSize(3).isEqualTo(infos(patterns));
    JsonNode first = byName.get(0);
    assertThat(fieldNames(first)).containsExactly("memory", "replication", "commandstats");
    assertThat(fieldNames(first.path("memory")))
        .containsExactly("used_memory", "used_memory_human");
    assertThat(infos("?key=used_memory&key=used_memory"))
        .allSatisfy(info -> assertThat(fieldNames(info.path("memory"))).hasSize(1));
    assertThat(infos("?section=memory&key=role&key=used_memory"))
        .isEqualTo(infos("?section=memory&key=rol[e]&key=used_memor[y]"))
        .allSatisfy(info -> assertThat(fieldNames(info)).containsExactly("memory"));
    assertThat(infos("?key=nothing")).allSatisfy(info -> assertThat(info).isEmpty());
  }

  @Test
  void selectsSectionsCaseInsensitively() {
    JsonNode info =
        ok("?shard=adhoc&section=KEYSPACE&section=Memory").path("shards").get(0).path("info");

    assertThat(fieldNames(info)).containsExactly("memory", "keyspace");
    assertThat(fieldNames(info.path("memory")))
        .containsExactly("used_memory", "used_memory_human", "mem_fragmentation_ratio");
    assertThat(ok("?shard=adhoc&section=nosuchsection").path("shards").get(0).path("info"))
        .isEmpty();
  }

  @Test
  void combinesSectionsAndKeys() {
    JsonNode info =
        ok("?shard=adhoc&section=memory&key=used_*&key=connected_clients")
            .path("shards")
            .get(0)
            .path("info");

    assertThat(fieldNames(info)).containsExactly("memory");
    assertThat(fieldNames(info.path("memory"))).containsExactly("used_memory", "used_memory_human");
  }

  @Test
  void rejectsBadParameters() {
    assertBadRequest(
        "?shards=x", "unknown parameter 'shards'; allowed: shard, key, section, maxAgeMs, partial");
    assertBadRequest("?shard=", "parameter 'shard': empty pattern; use * to match everything");
    assertBadRequest(
        "?shard=shop/redis-%5B0",
        "parameter 'shard': 'shop/redis-[0' has '[' at position 12 without a closing ']'");
    assertBadRequest("?key=", "parameter 'key': empty pattern; use * to match everything");
    assertBadRequest(
        "?key=db%5B", "parameter 'key': 'db[' has '[' at position 3 without a closing ']'");
    assertBadRequest(
        "?section=",
        "parameter 'section' must name an INFO section, e.g. memory; got an empty value");
    assertBadRequest(
        "?maxAgeMs=-1", "parameter 'maxAgeMs' must be a whole number from 0 to 3600000, got '-1'");
    assertBadRequest(
        "?maxAgeMs=soon",
        "parameter 'maxAgeMs' must be a whole number from 0 to 3600000, got 'soon'");
    assertBadRequest(
        "?maxAgeMs=3600001",
        "parameter 'maxAgeMs' must be a whole number from 0 to 3600000, got '3600001'");
    assertBadRequest(
        "?maxAgeMs=1&maxAgeMs=2", "parameter 'maxAgeMs' is given 2 times; give it at most once");
    assertBadRequest("?partial=yes", "parameter 'partial' must be true or false, got 'yes'");
    assertThat(refresher.totalCalls()).isZero();
  }

  @Test
  void aShardWithoutInfoMakesThe503ThatNamesIt() {
    registry.put("test", ShardSpec.of("never-polled", new ShardAddress("10.0.0.9", 6379)));
    registry.put("test", ShardSpec.of("down", new ShardAddress("10.0.0.8", 6379)));
    publish("down", failing(null, 0, "connection refused"));

    JsonNode problem = problem("", 503);

    assertThat(problem.path("detail").asText())
        .isEqualTo(
            "2 of 5 shards have no INFO to give: down (no INFO yet: connection refused);"
                + " never-polled (no INFO yet: the first poll has not finished)."
                + " Add partial=true to get the others' INFO");
  }

  @Test
  void partialAnswersWithWhatThereIsAndListsTheRest() {
    registry.put("test", ShardSpec.of("down", new ShardAddress("10.0.0.8", 6379)));
    publish("down", failing(null, 0, "connection refused"));

    JsonNode body = ok("?partial=true");

    assertThat(ids(body)).containsExactly("adhoc", "shop/redis-0", "shop/redis-1");
    assertThat(body.path("errors")).hasSize(1);
    assertThat(body.path("errors").get(0).path("id").asText()).isEqualTo("down");
    assertThat(body.path("errors").get(0).path("error").asText())
        .isEqualTo("no INFO yet: connection refused");
    assertThat(problem("?partial=false", 503).path("detail").asText()).startsWith("1 of 4 shards");
    // A shard that is down but has older INFO still answers with it.
    assertThat(ids(ok("?shard=shop/*"))).containsExactly("shop/redis-0", "shop/redis-1");
  }

  @Test
  void maxAgeMsRefreshesOnlyStaleShards() {
    publish("adhoc", snapshot(info("master", 300), 0));

    JsonNode body = ok("?maxAgeMs=1000");

    assertThat(refresher.calls("adhoc")).isZero();
    assertThat(refresher.calls("shop/redis-0")).isEqualTo(1);
    assertThat(refresher.calls("shop/redis-1")).isEqualTo(1);
    assertThat(ids(body)).containsExactly("adhoc", "shop/redis-0", "shop/redis-1");
    for (JsonNode shard : body.path("shards")) {
      assertThat(shard.path("ageMs").asLong()).isLessThan(1000);
    }
    JsonNode refreshed = body.path("shards").get(1);
    assertThat(refreshed.path("info").path("memory").path("used_memory").asLong())
        .isEqualTo(FRESH_MEMORY);
    assertThat(refreshed.path("polledAt").asText())
        .isEqualTo(Instant.ofEpochMilli(refreshedMillis).toString());
    assertThat(body.path("shards").get(0).path("info").path("memory").path("used_memory").asLong())
        .isEqualTo(300);
  }

  @Test
  void maxAgeMsRefreshesOnlyTheSelectedShards() {
    ok("?shard=adhoc&maxAgeMs=0");

    assertThat(refresher.calls("adhoc")).isEqualTo(1);
    assertThat(refresher.totalCalls()).isEqualTo(1);
  }

  @Test
  void maxAgeMsGetsInfoOfAShardThatHadNone() {
    registry.put("test", ShardSpec.of("new", new ShardAddress("10.0.0.7", 6379)));

    JsonNode body = ok("?shard=new&maxAgeMs=60000");

    assertThat(refresher.calls("new")).isEqualTo(1);
    assertThat(body.path("shards").get(0).path("info").path("memory").path("used_memory").asLong())
        .isEqualTo(FRESH_MEMORY);
  }

  @Test
  void aFailedRefreshMakesA503OrAnErrorWithPartial() {
    refresher =
        new TestRefresher(
            id ->
                CompletableFuture.failedFuture(
                    new IllegalStateException("connection refused by 10.0.0.1:6379")));

    String detail = problem("?shard=shop/redis-0&maxAgeMs=500", 503).path("detail").asText();

    assertThat(detail)
        .startsWith(
            "1 of 1 shard has no INFO to give: shop/redis-0 (refresh failed: connection refused"
                + " by 10.0.0.1:6379; cached INFO is ")
        .endsWith(" ms old, older than maxAgeMs=500). Add partial=true to get the others' INFO");

    JsonNode body = ok("?shard=shop/*&maxAgeMs=500&partial=true");
    assertThat(ids(body)).isEmpty();
    assertThat(body.path("errors")).hasSize(2);
    assertThat(body.path("errors").get(1).path("id").asText()).isEqualTo("shop/redis-1");
    assertThat(body.path("errors").get(1).path("error").asText())
        .startsWith("refresh failed: connection refused by 10.0.0.1:6379; cached INFO is ");
  }

  @Test
  void aRefreshThatPublishesAnErrorReportsThatError() {
    refresher =
        new TestRefresher(
            id -> {
              ShardSnapshot failed = failing(info("master", 1), 2_000, "timed out after 2s");
              shard(id).publish(failed);
              return CompletableFuture.completedFuture(failed);
            });

    JsonNode body = ok("?shard=adhoc&maxAgeMs=100&partial=true");

    assertThat(body.path("shards")).isEmpty();
    assertThat(body.path("errors").get(0).path("error").asText())
        .startsWith("refresh failed: timed out after 2s; cached INFO is ")
        .endsWith(" ms old, older than maxAgeMs=100");
  }

  @Test
  void aRefreshThatDoesNotFinishInTimeCountsAsFailed() {
    CompletableFuture<ShardSnapshot> never = new CompletableFuture<>();
    refresher = new TestRefresher(id -> never);
    start(Duration.ofMillis(300));

    JsonNode body = ok("?shard=adhoc&shard=shop/redis-0&maxAgeMs=100&partial=true");

    assertThat(body.path("errors")).hasSize(2);
    assertThat(body.path("errors").get(0).path("error").asText())
        .startsWith("refresh did not finish within 300 ms; cached INFO is ");
    assertThat(never).isNotDone();
  }

  @Test
  void concurrentRequestsEachRefreshEachStaleShardOnce() throws Exception {
    int requests = 6;
    List<String> shards = List.of("shop/redis-0", "shop/redis-1");
    CompletableFuture<Void> everyRefreshAsked = new CompletableFuture<>();
    AtomicInteger asked = new AtomicInteger();
    // No refresh finishes before every request asked for every shard: a handler that refreshed
    // shards one after the other, or held one of the 2 workers while waiting, would time out.
    refresher =
        new TestRefresher(
            id -> {
              CompletableFuture<ShardSnapshot> done =
                  everyRefreshAsked.thenApply(v -> publishFresh(id));
              if (asked.incrementAndGet() == requests * shards.size()) {
                everyRefreshAsked.complete(null);
              }
              return done;
            });
    start(Duration.ofSeconds(20));
    ExecutorService callers = Executors.newFixedThreadPool(requests);
    try {
      List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        responses.add(
            CompletableFuture.supplyAsync(
                () -> client.get("/v1/info?shard=shop/*&maxAgeMs=0"), callers));
      }
      for (CompletableFuture<HttpResponse<String>> response : responses) {
        HttpResponse<String> answer = response.get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = json(answer);
        assertThat(ids(body)).containsExactlyElementsOf(shards);
        assertThat(
                body.path("shards").get(0).path("info").path("memory").path("used_memory").asLong())
            .isEqualTo(FRESH_MEMORY);
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(refresher.calls("shop/redis-0")).isEqualTo(requests);
    assertThat(refresher.calls("shop/redis-1")).isEqualTo(requests);
    assertThat(refresher.calls("adhoc")).isZero();
  }

  @Test
  void answersHeadWithoutABody() {
    HttpResponse<String> head = client().send("HEAD", "/v1/info?shard=adhoc");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(contentType(head)).isEqualTo("application/json");
    assertThat(head.body()).isEmpty();
    HttpResponse<String> missing = client().send("HEAD", "/v1/info?shard=nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(contentType(missing)).isEqualTo("application/problem+json");
  }

  @Test
  void refusesOtherMethods() {
    HttpResponse<String> post = client().send("POST", "/v1/info");

    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(contentType(post)).isEqualTo("application/problem+json");
  }
}
