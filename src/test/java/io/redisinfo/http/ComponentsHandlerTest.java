package io.redisinfo.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.redisinfo.component.ComponentParser;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.status.ComponentStatusAggregator;
import io.redisinfo.component.status.ComponentStatusTracker;
import io.redisinfo.info.InfoSummary;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComponentsHandlerTest {
  private static final String PASSWORD = "pa55-in-a-secret";
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  private final ComponentRegistry components = new ComponentRegistry();
  private final ShardRegistry shards = new ShardRegistry(Duration.ofSeconds(1));
  private final ComponentStatusTracker tracker =
      new ComponentStatusTracker(
          components, shards, new ComponentStatusAggregator(Clock.fixed(NOW, ZoneOffset.UTC)));
  private final ComponentParser parser = new ComponentParser(new ObjectMapper(), true);
  private ApiServer server;
  private HttpCalls http;

  @BeforeEach
  void start() throws Exception {
    components.addListener(tracker);
    components.put(
        "files",
        parser.parse(
            new YAMLMapper()
                .readTree(
                    """
                    apiVersion: redisinfo.io/v1alpha1
                    kind: RedisComponent
                    metadata: {name: statistics, namespace: shop}
                    spec:
                      purpose: stats
                      endpoint: {host: redis-stats, port: 6380}
                      auth:
                        username: monitor
                        passwordSecretRef: {name: redis-stats-auth, key: password}
                      polling: {minInterval: 500ms, maxInterval: 1m}
                    """),
            "default"));
    components.put(
        "files",
        parser.parse(
            new YAMLMapper()
                .readTree(
                    """
                    apiVersion: redisinfo.io/v1alpha1
                    kind: RedisComponent
                    metadata: {name: broken, namespace: shop}
                    spec: {purpose: cache}
                    """),
            "default"));
    shards.put(
        "files",
        new ShardSpec(
            "shop/statistics",
            new ShardAddress("redis-stats", 6380),
            "shop/statistics",
            null,
            new Credentials("monitor", PASSWORD),
            false,
            null));
    shards
        .get("shop/statistics")
        .orElseThrow()
        .publish(
            new ShardSnapshot(
                Fixtures.info("master", 2048),
                new InfoSummary(
                    "master", "7.2.4", 3600L, 2048L, 0L, 12.5, 5L, 0L, 42L, 0.9, 0L, 0L, 0L, 0L,
                    null, null, "ok", "ok", false),
                1,
                NOW.toEpochMilli(),
                true,
                null,
                Duration.ofSeconds(2),
                1,
                0));
    server =
        ApiServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ApiServer.Limits.DEFAULT);
    new ComponentsHandler(tracker).registerOn(server);
    http = new HttpCalls(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static JsonNode body(HttpResponse<String> response) throws Exception {
    return new ObjectMapper().readTree(response.body());
  }

  @Test
  void listsEveryComponentWithSpecStatusAndConditions() throws Exception {
    HttpResponse<String> response = http.get("/v1/components");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(PASSWORD);
    JsonNode list = body(response).path("components");
    assertThat(list).hasSize(2);
    assertThat(list.get(0).path("name").asText()).isEqualTo("broken");
    JsonNode stats = list.get(1);
    assertThat(stats.path("spec").path("endpoint").path("port").asInt()).isEqualTo(6380);
    assertThat(stats.path("spec").path("polling").path("minInterval").asText()).isEqualTo("500ms");
    assertThat(stats.path("spec").path("passwordSecretRef").path("name").asText())
        .isEqualTo("redis-stats-auth");
    JsonNode status = stats.path("status");
    assertThat(status.path("primaryAddress").asText()).isEqualTo("redis-stats:6380");
    assertThat(status.path("opsPerSec").asDouble()).isEqualTo(12.5);
    assertThat(status.path("ready").asText()).isEqualTo("1/1");
    assertThat(status.path("lastPollTime").asText()).isEqualTo("2025-03-01T12:00:00Z");
    assertThat(status.path("pollIntervalMs").asLong()).isEqualTo(2000);
    assertThat(status.path("shards").get(0).path("reachable").asBoolean()).isTrue();
    JsonNode ready = stats.path("conditions").get(0);
    assertThat(ready.path("type").asText()).isEqualTo("Ready");
    assertThat(ready.path("status").asText()).isEqualTo("True");
    assertThat(ready.path("lastTransitionTime").asText()).isEqualTo("2025-03-01T12:00:00Z");
  }

  @Test
  void anInvalidComponentShowsItsProblems() throws Exception {
    HttpResponse<String> response = http.get("/v1/components/shop/broken");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode broken = body(response);
    assertThat(broken.path("spec").isNull()).isTrue();
    assertThat(broken.path("problems").get(0).asText()).contains("exactly one of endpoint");
    assertThat(broken.path("conditions").get(0).path("reason").asText()).isEqualTo("InvalidSpec");
    assertThat(broken.path("conditions").get(0).path("status").asText()).isEqualTo("False");
  }

  @Test
  void unknownComponentsAndBadPathsAreNotFound() throws Exception {
    HttpResponse<String> unknown = http.get("/v1/components/shop/nope");
    HttpResponse<String> badPath = http.get("/v1/components/shop/a/b");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(body(unknown).path("detail").asText()).isEqualTo("unknown component 'shop/nope'");
    assertThat(badPath.statusCode()).isEqualTo(404);
    assertThat(http.get("/v1/components?x=1").statusCode()).isEqualTo(400);
  }
}
