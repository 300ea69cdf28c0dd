package io.redisinfo.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.metrics.PrometheusMetrics;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsHandlerTest {
  private final ShardRegistry shards = new ShardRegistry(Duration.ofSeconds(1));
  private final PrometheusMetrics metrics = new PrometheusMetrics(shards);
  private final ApiServer server =
      ApiServer.start(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ApiServer.Limits.DEFAULT);

  @AfterEach
  void stop() {
    server.close();
    metrics.close();
  }

  @Test
  void servesThePrometheusTextFormat() {
    server.route(MetricsHandler.PATH, new MetricsHandler(metrics));
    shards.put("test", ShardSpec.of("adhoc", new ShardAddress("127.0.0.1", 6379)));
    shards.get("adhoc").orElseThrow().publish(Fixtures.snapshot(Fixtures.info("master", 1), 0));

    HttpResponse<String> response = new HttpCalls(server).get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains(
            "redis_up{address=\"127.0.0.1:6379\",component=\"\",instance=\"127.0.0.1:6379\","
                + "namespace=\"\",shard=\"adhoc\"} 1")
        .contains("# TYPE redis_commands_total counter")
        .contains("redisinfo_shards 1.0");
  }

  @Test
  void negotiatesOpenMetricsAndGzip() throws Exception {
    server.route(MetricsHandler.PATH, new MetricsHandler(metrics));
    shards.put("test", ShardSpec.of("adhoc", new ShardAddress("127.0.0.1", 6379)));
    shards.get("adhoc").orElseThrow().publish(Fixtures.snapshot(Fixtures.info("master", 1), 0));
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + server.port() + "/metrics");

    java.net.http.HttpResponse<byte[]> response =
        client.send(
            java.net.http.HttpRequest.newBuilder(uri)
                .header("Accept", "application/openmetrics-text; version=1.0.0,text/plain;q=0.5")
                .header("Accept-Encoding", "gzip")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    String text;
    try (var in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(text).contains("redis_up{").endsWith("# EOF\n");
  }

  @Test
  void aStandbyExportsNoRedisSeriesButSaysItIsNotTheLeader() {
    server.route(MetricsHandler.PATH, new MetricsHandler(metrics));
    shards.put("test", ShardSpec.of("adhoc", new ShardAddress("127.0.0.1", 6379)));
    shards.get("adhoc").orElseThrow().publish(Fixtures.snapshot(Fixtures.info("master", 1), 0));
    java.util.concurrent.atomic.AtomicBoolean leader =
        new java.util.concurrent.atomic.AtomicBoolean();
    metrics.exportShardSeriesWhen(leader::get);

    String standby = new HttpCalls(server).get("/metrics").body();
    leader.set(true);
    String leading = new HttpCalls(server).get("/metrics").body();

    assertThat(standby).doesNotContain("redis_up{").contains("redisinfo_leader 0.0");
    assertThat(leading).contains("redis_up{").contains("redisinfo_leader 1.0");
  }
}
