package io.redisinfo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redisinfo.app.Engine;
import io.redisinfo.poll.PollerOptions;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.PollingRange;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardSpec;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * redis_exporter's dashboard queries and the common Redis alert rules (written out in {@code
 * prometheus/queries.txt}), evaluated by a real Prometheus (Debian's {@code prometheus}) that
 * scrapes our /metrics the way deploy/monitoring's ServiceMonitor does ({@code honor_labels}):
 * every one returns data for a live master and replica, with {@code instance} naming the Redis
 * server.
 */
class PrometheusQueriesTest {
  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private Engine engine;
  private Process prometheus;

  @AfterEach
  void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
    if (engine != null) {
      engine.close();
    }
  }

  private static Map<String, String> queries() throws IOException {
    Map<String, String> queries = new LinkedHashMap<>();
    try (InputStream in =
        PrometheusQueriesTest.class.getResourceAsStream("/prometheus/queries.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int bar = line.indexOf(" | ");
        queries.put(
            line.substring(0, bar).trim(),
            line.substring(bar + 3).trim().replace("$instance", ".+"));
      }
    }
    return queries;
  }

  @Test
  void dashboardAndAlertQueriesReturnDataForLiveShards() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/prometheus")),
        "Debian's prometheus package is not installed (scripts/test.sh installs it)");
    RedisServer master = redis.start("maxmemory", "64mb");
    RedisServer replica =
        redis.start("replicaof", "127.0.0.1 " + master.port(), "maxmemory", "64mb");
    master.command("SET", "plain", "v");
    master.command("SET", "expiring", "v", "EX", "600");
    master.command("GET", "plain");
    master.command("GET", "missing");

    engine =
        Engine.start(
            PollerOptions.builder()
                .range(new PollingRange(Duration.ofMillis(200), Duration.ofMillis(500)))
                .build(),
            0,
            () -> true);
    for (RedisServer server : List.of(master, replica)) {
      engine
          .shards()
          .put(
              "test",
              new ShardSpec(
                  "shop/" + server.port(),
                  ShardAddress.parse(server.address()),
                  "shop/cache",
                  null,
                  Credentials.NONE,
                  false,
                  null));
    }

    int port = freePort();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global: {scrape_interval: 1s, evaluation_interval: 1s}
        scrape_configs:
          - job_name: redis-info-operator
            honor_labels: true
            static_configs: [{targets: ['127.0.0.1:%d']}]
        """
            .formatted(engine.http().port()));
    prometheus =
        new ProcessBuilder(
                "/usr/bin/prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();

    Map<String, String> queries = queries();
    assertThat(queries).hasSizeGreaterThan(25);
    Map<String, String> empty = new TreeMap<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              empty.clear();
              for (Map.Entry<String, String> q : queries.entrySet()) {
                JsonNode result = query(port, q.getValue());
                if (result == null || result.isEmpty()) {
                  empty.put(q.getKey(), q.getValue());
                }
              }
              assertThat(empty).as("queries without data").isEmpty();
            });

    // instance is the Redis server, not the operator: dashboards' $instance picker names them.
    List<String> instances = new ArrayList<>();
    query(port, "redis_up").forEach(r -> instances.add(r.at("/metric/instance").asText()));
    assertThat(instances).containsExactlyInAnyOrder(master.address(), replica.address());
    assertThat(query(port, "redis_up").get(0).at("/metric/namespace").asText()).isEqualTo("shop");
  }

  private JsonNode query(int port, String promql) throws IOException, InterruptedException {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + port
                              + "/api/v1/query?query="
                              + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null; // not up yet
    }
    if (response.statusCode() != 200) {
      throw new AssertionError(promql + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return json.readTree(response.body()).at("/data/result");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
