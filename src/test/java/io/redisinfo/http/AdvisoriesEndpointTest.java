package io.redisinfo.http;

import static io.redisinfo.http.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.redisinfo.app.Engine;
import io.redisinfo.component.Component;
import io.redisinfo.component.ComponentShards;
import io.redisinfo.component.ComponentSpec;
import io.redisinfo.component.Endpoint;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.component.Purpose;
import io.redisinfo.poll.PollerOptions;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.PollingRange;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine as standalone mode runs it, with two real servers: a cache without maxmemory and a
 * queue with an eviction policy. Their advisories over {@code /v1/advisories}, in {@code
 * /v1/components} and as {@code redisinfo_advisory}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvisoriesEndpointTest {
  @RegisterExtension final RedisServers redis = RedisServers.perClass();
  private Engine engine;
  private TestClient client;

  @BeforeAll
  void start() {
    RedisServer cache = redis.start(); // maxmemory 0, noeviction
    RedisServer queue = redis.start("maxmemory", "64mb", "maxmemory-policy", "allkeys-lru");
    engine =
        Engine.start(
            PollerOptions.builder()
                .range(new PollingRange(Duration.ofMillis(50), Duration.ofMillis(100)))
                .build(),
            0,
            () -> true);
    declare("cache", Purpose.CACHE, cache);
    declare("jobs", Purpose.QUEUE, queue);
    client = new TestClient(engine.http());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                engine.advisories().advisories("shop/cache").size() == 2
                    && engine.advisories().advisories("shop/jobs").size() == 1);
  }

  private void declare(String name, Purpose purpose, RedisServer server) {
    ComponentSpec spec =
        new ComponentSpec(
            purpose,
            new Endpoint("127.0.0.1", server.port()),
            null,
            6379,
            0,
            false,
            null,
            null,
            null,
            Map.of());
    Component component = new Component("shop", name, spec, 1);
    engine.components().put("test", new ParsedComponent("shop", name, component, List.of()));
    engine.shards().put("test", ComponentShards.endpointShard(component, Credentials.NONE));
  }

  @AfterAll
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private List<String> advisories(String query) {
    HttpResponse<String> response = client.get("/v1/advisories" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> lines = new ArrayList<>();
    for (JsonNode a : json(response).path("advisories")) {
      lines.add(
          a.path("namespace").asText()
              + "/"
              + a.path("component").asText()
              + " "
              + a.path("rule").asText()
              + " "
              + a.path("severity").asText());
    }
    return lines;
  }

  @Test
  void listsEveryAdvisoryByComponentWorstFirst() {
    assertThat(advisories(""))
        .containsExactly(
            "shop/cache no-maxmemory critical",
            "shop/cache eviction-policy warning",
            "shop/jobs eviction-policy critical");
    JsonNode first = json(client.get("/v1/advisories")).path("advisories").get(0);
    assertThat(first.path("shard").asText()).isEqualTo("shop/cache");
    assertThat(first.path("message").asText()).contains("set maxmemory");
    assertThat(first.path("why").asText()).contains("grows until");
    assertThat(first.path("since").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void filtersByComponentAndSeverity() {
    assertThat(advisories("?component=shop/jobs"))
        .containsExactly("shop/jobs eviction-policy critical");
    assertThat(advisories("?severity=critical"))
        .containsExactly("shop/cache no-maxmemory critical", "shop/jobs eviction-policy critical");
    assertThat(advisories("?severity=warning&severity=info"))
        .containsExactly("shop/cache eviction-policy warning");
    assertThat(advisories("?component=shop/none")).isEmpty();
  }

  @Test
  void badFiltersSayWhy() {
    assertThat(json(client.get("/v1/advisories?severity=high")).path("detail").asText())
        .isEqualTo("parameter 'severity' must be critical, warning or info, got 'high'");
    assertThat(client.get("/v1/advisories?severity=high").statusCode()).isEqualTo(400);
    assertThat(json(client.get("/v1/advisories?component=cache")).path("detail").asText())
        .contains("parameter 'component' must be namespace/name");
    assertThat(json(client.get("/v1/advisories?rule=x")).path("detail").asText())
        .isEqualTo("unknown parameter 'rule'; allowed: component, severity");
  }

  @Test
  void componentsCarryTheirAdvisories() {
    JsonNode jobs = json(client.get("/v1/components/shop/jobs"));
    assertThat(jobs.path("advisories")).hasSize(1);
    assertThat(jobs.path("unknownRules").isArray()).isTrue();
    assertThat(jobs.path("unknownRules")).as("redis 7 has every field").isEmpty();
    assertThat(jobs.path("advisories").get(0).path("rule").asText()).isEqualTo("eviction-policy");
    assertThat(jobs.path("advisories").get(0).path("message").asText())
        .contains("set maxmemory-policy noeviction");
    JsonNode all = json(client.get("/v1/components")).path("components");
    assertThat(all).hasSize(2);
    assertThat(all.get(0).path("advisories")).hasSize(2);
  }

  @Test
  void metricHasOneSeriesPerActiveAdvisory() {
    assertThat(engine.metrics().scrape())
        .contains(
            "redisinfo_advisory{component=\"cache\",namespace=\"shop\",rule=\"no-maxmemory\","
                + "severity=\"critical\"} 1.0")
        .contains(
            "redisinfo_advisory{component=\"jobs\",namespace=\"shop\",rule=\"eviction-policy\","
                + "severity=\"critical\"} 1.0");
  }
}
