package io.redisinfo.http;

import static io.redisinfo.http.Fixtures.failing;
import static io.redisinfo.http.Fixtures.info;
import static io.redisinfo.http.Fixtures.snapshot;
import static io.redisinfo.http.TestClient.contentType;
import static io.redisinfo.http.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.redisinfo.info.InfoSummary;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShardsHandlerTest {
  private final ShardRegistry registry = new ShardRegistry(Duration.ofSeconds(1));
  private ApiServer server;
  private TestClient client;

  @BeforeEach
  void start() {
    // Added out of order: the answer must be sorted by id.
    registry.put(
        "test",
        new ShardSpec(
            "shop/redis-1",
            new ShardAddress("10.0.0.2", 6379),
            "shop/cache",
            "shop/redis-1",
            new Credentials("monitor", "s3cret"),
            false,
            null));
    registry.put(
        "test",
        new ShardSpec(
            "shop/redis-0",
            new ShardAddress("10.0.0.1", 6379),
            "shop/cache",
            "shop/redis-0",
            Credentials.NONE,
            false,
            null));
    registry.put("test", ShardSpec.of("adhoc", new ShardAddress("localhost", 6380)));
    registry.put("test", ShardSpec.of("never-polled", new ShardAddress("::1", 6381)));
    publish("shop/redis-0", snapshot(info("master", 100), 250));
    publish("shop/redis-1", snapshot(info("slave", 100), 500));
    publish("adhoc", failing(info("master", 1), 5_000, "connection refused"));

    server =
        ApiServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            new ApiServer.Limits(2, 16));
    server.route(ShardsHandler.PATH, new ShardsHandler(registry));
    client = new TestClient(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void publish(String id, ShardSnapshot snapshot) {
    registry.get(id).orElseThrow().publish(snapshot);
  }

  private List<String> ids(String query) {
    HttpResponse<String> response = client.get("/v1/shards" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(response).path("shards").forEach(s -> ids.add(s.path("id").asText()));
    return ids;
  }

  private static JsonNode byId(JsonNode body, String id) {
    for (JsonNode shard : body.path("shards")) {
      if (shard.path("id").asText().equals(id)) {
        return shard;
      }
    }
    throw new AssertionError("no shard " + id + " in " + body);
  }

  private void assertBadRequest(String query, String detail) {
    HttpResponse<String> response = client.get("/v1/shards" + query);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(contentType(response)).isEqualTo("application/problem+json");
    assertThat(json(response).path("detail").asText()).isEqualTo(detail);
  }

  @Test
  void listsEveryShardSortedById() {
    assertThat(ids("")).containsExactly("adhoc", "never-polled", "shop/redis-0", "shop/redis-1");
  }

  @Test
  void describesEachShard() {
    HttpResponse<String> response = client.get("/v1/shards");
    assertThat(contentType(response)).isEqualTo("application/json");
    JsonNode body = json(response);

    JsonNode master = byId(body, "shop/redis-0");
    assertThat(master.path("address").asText()).isEqualTo("10.0.0.1:6379");
    assertThat(master.path("component").asText()).isEqualTo("shop/cache");
    assertThat(master.path("pod").asText()).isEqualTo("shop/redis-0");
    assertThat(master.path("role").asText()).isEqualTo("master");
    assertThat(master.path("reachable").asBoolean()).isTrue();
    assertThat(master.path("ageMs").isIntegralNumber()).isTrue();
    assertThat(master.path("ageMs").asLong()).isGreaterThanOrEqualTo(250);
    assertThat(master.path("pollIntervalMs").asLong()).isEqualTo(3000);
    assertThat(master.path("lastError").isNull()).isTrue();

    JsonNode adhoc = byId(body, "adhoc");
    assertThat(adhoc.path("component").isNull()).isTrue();
    assertThat(adhoc.path("pod").isNull()).isTrue();
    assertThat(adhoc.path("reachable").asBoolean()).isFalse();
    assertThat(adhoc.path("lastError").asText()).isEqualTo("connection refused");
    assertThat(adhoc.path("ageMs").asLong()).isGreaterThanOrEqualTo(5_000);

    JsonNode neverPolled = byId(body, "never-polled");
    assertThat(neverPolled.path("address").asText()).isEqualTo("[::1]:6381");
    assertThat(neverPolled.path("ageMs").isNull()).isTrue();
    assertThat(neverPolled.path("role").isNull()).isTrue();
    assertThat(neverPolled.path("pollIntervalMs").asLong()).isEqualTo(1000);
  }

  @Test
  void neverShowsCredentials() {
    assertThat(client.get("/v1/shards").body()).doesNotContain("s3cret").doesNotContain("monitor");
  }

  @Test
  void takesTheRoleFromTheSummaryWhenThereIsOne() {
    ShardSnapshot plain = snapshot(info("master", 1), 0);
    InfoSummary summary =
        new InfoSummary(
            "slave", "7.2.4", null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);
    publish(
        "adhoc",
        new ShardSnapshot(
            plain.info(),
            summary,
            plain.infoAtNanos(),
            plain.infoAtEpochMillis(),
            true,
            null,
            plain.pollInterval(),
            1,
            0));

    assertThat(ids("?role=slave")).containsExactly("adhoc", "shop/redis-1");
  }

  @Test
  void filtersByComponent() {
    assertThat(ids("?component=shop/cache")).containsExactly("shop/redis-0", "shop/redis-1");
    assertThat(ids("?component=shop/other")).isEmpty();
  }

  @Test
  void filtersByRoleAcceptingReplicaForSlave() {
    assertThat(ids("?role=master")).containsExactly("adhoc", "shop/redis-0");
    assertThat(ids("?role=slave")).containsExactly("shop/redis-1");
    assertThat(ids("?role=replica")).containsExactly("shop/redis-1");
  }

  @Test
  void filtersByReachability() {
    assertThat(ids("?reachable=true")).containsExactly("shop/redis-0", "shop/redis-1");
    assertThat(ids("?reachable=false")).containsExactly("adhoc", "never-polled");
  }

  @Test
  void combinesFilters() {
    assertThat(ids("?component=shop/cache&role=master&reachable=true"))
        .containsExactly("shop/redis-0");
    assertThat(ids("?component=shop/cache&reachable=false")).isEmpty();
  }

  @Test
  void rejectsBadFilters() {
    assertBadRequest(
        "?role=primary", "parameter 'role' must be master or slave (or replica), got 'primary'");
    assertBadRequest("?reachable=yes", "parameter 'reachable' must be true or false, got 'yes'");
    assertBadRequest(
        "?component=cache",
        "parameter 'component' must be namespace/name, e.g. shop/cache, got 'cache'");
    assertBadRequest(
        "?component=shop/",
        "parameter 'component' must be namespace/name, e.g. shop/cache, got 'shop/'");
    assertBadRequest(
        "?component=a/b/c",
        "parameter 'component' must be namespace/name, e.g. shop/cache, got 'a/b/c'");
    assertBadRequest(
        "?role=master&role=slave", "parameter 'role' is given 2 times; give it at most once");
    assertBadRequest("?shard=x", "unknown parameter 'shard'; allowed: component, role, reachable");
  }

  @Test
  void answersHeadWithoutABody() {
    HttpResponse<String> head = client.send("HEAD", "/v1/shards?role=master");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(contentType(head)).isEqualTo("application/json");
    assertThat(head.body()).isEmpty();
    assertThat(client.send("HEAD", "/v1/shards?role=boss").statusCode()).isEqualTo(400);
  }

  @Test
  void listsNothingWhenThereAreNoShards() {
    registry.clear();

    assertThat(client.get("/v1/shards").body()).isEqualTo("{\"shards\":[]}");
  }
}
