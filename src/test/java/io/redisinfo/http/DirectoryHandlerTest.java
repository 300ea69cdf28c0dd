package io.redisinfo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redisinfo.directory.Directory;
import io.redisinfo.directory.DirectoryEntry;
import io.redisinfo.directory.DirectoryJson;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryHandlerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  private final Directory directory = new Directory(timer);
  private final DirectoryJson json = new DirectoryJson();
  private ApiServer server;
  private HttpCalls http;

  @BeforeEach
  void start() {
    timer.setRemoveOnCancelPolicy(true);
    directory.update(entry("cache", 6379));
    // Two workers only: long-polls must not hold them.
    server =
        ApiServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            new ApiServer.Limits(2, 16));
    new DirectoryHandler(directory, json).registerOn(server);
    http = new HttpCalls(server);
  }

  @AfterEach
  void stop() {
    server.close();
    timer.shutdownNow();
  }

  private DirectoryEntry entry(String component, int port) {
    return json.versioned(
        new DirectoryEntry(
            "redis",
            "shop",
            component,
            "cache",
            "redis-" + component,
            port,
            0,
            false,
            "app",
            null,
            "redis://app@redis-" + component + ":" + port + "/0",
            null,
            Map.of(),
            null));
  }

  private String version(String component) {
    return directory.get("shop/" + component).orElseThrow().version();
  }

  private static JsonNode body(HttpResponse<String> response) throws Exception {
    return MAPPER.readTree(response.body());
  }

  @Test
  void listsEveryEntry() throws Exception {
    directory.update(entry("a-first", 1));

    HttpResponse<String> response = http.get("/v1/directory");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode entries = body(response).path("entries");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).path("component").asText()).isEqualTo("a-first");
    assertThat(entries.get(1).path("uri").asText()).isEqualTo("redis://app@redis-cache:6379/0");
  }

  @Test
  void oneEntryCarriesItsVersionAsETag() {
    HttpResponse<String> response = http.get("/v1/directory/shop/cache");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("ETag")).contains("\"" + version("cache") + "\"");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.body()).isEqualTo(json.write(directory.get("shop/cache").orElseThrow()));
  }

  @Test
  void ifNoneMatchTheCurrentVersionIsNotModified() {
    String etag = "\"" + version("cache") + "\"";

    HttpResponse<String> same = http.get("/v1/directory/shop/cache", "If-None-Match", etag);
    HttpResponse<String> weak =
        http.get("/v1/directory/shop/cache", "If-None-Match", "\"x\", W/" + etag);
    HttpResponse<String> stale = http.get("/v1/directory/shop/cache", "If-None-Match", "\"x\"");

    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.headers().firstValue("ETag")).contains(etag);
    assertThat(same.body()).isEmpty();
    assertThat(weak.statusCode()).isEqualTo(304);
    assertThat(stale.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownEntriesAndPathsAreNotFound() throws Exception {
    HttpResponse<String> unknown = http.get("/v1/directory/shop/nope");
    HttpResponse<String> shortPath = http.get("/v1/directory/shop");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(body(unknown).path("detail").asText())
        .isEqualTo("no directory entry for 'shop/nope'");
    assertThat(shortPath.statusCode()).isEqualTo(404);
    assertThat(body(shortPath).path("detail").asText())
        .contains("expected /v1/directory/{namespace}/{component}");
  }

  @Test
  void badWaitSecondsIsABadRequest() throws Exception {
    for (String value : List.of("61", "-1", "soon", "1.5")) {
      HttpResponse<String> response = http.get("/v1/directory/shop/cache?waitSeconds=" + value);
      assertThat(response.statusCode()).as(value).isEqualTo(400);
      assertThat(body(response).path("detail").asText())
          .isEqualTo(
              "parameter 'waitSeconds' must be a whole number from 0 to 60, got '" + value + "'");
    }
    assertThat(http.get("/v1/directory/shop/cache?wait=5").statusCode()).isEqualTo(400);
    assertThat(http.get("/v1/directory?waitSeconds=5").statusCode()).isEqualTo(400);
  }

  @Test
  void longPollAnswersWhenTheEntryChanges() throws Exception {
    for (int round = 1; round <= 3; round++) {
      String etag = "\"" + version("cache") + "\"";
      CompletableFuture<HttpResponse<String>> waiting =
          http.getAsync("/v1/directory/shop/cache?waitSeconds=60", "If-None-Match", etag);
      await().atMost(Duration.ofSeconds(10)).until(() -> directory.waiting() == 1);
      assertThat(waiting).isNotDone();

      long changedAt = System.nanoTime();
      directory.update(entry("cache", 7000 + round));
      HttpResponse<String> response = waiting.get();
      long latencyMicros = (System.nanoTime() - changedAt) / 1000;

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(body(response).path("port").asInt()).isEqualTo(7000 + round);
      assertThat(response.headers().firstValue("ETag")).contains("\"" + version("cache") + "\"");
      System.out.println(
          "long-poll " + round + " answered " + latencyMicros + " us after the change");
    }
  }

  @Test
  void longPollEndsNotModifiedWhenNothingChanges() {
    String etag = "\"" + version("cache") + "\"";

    HttpResponse<String> response =
        http.get("/v1/directory/shop/cache?waitSeconds=1", "If-None-Match", etag);

    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(response.headers().firstValue("ETag")).contains(etag);
    assertThat(directory.waiting()).isZero();
  }

  @Test
  void longPollSeesRemovalAndCreation() throws Exception {
    String etag = "\"" + version("cache") + "\"";
    CompletableFuture<HttpResponse<String>> removal =
        http.getAsync("/v1/directory/shop/cache?waitSeconds=60", "If-None-Match", etag);
    CompletableFuture<HttpResponse<String>> creation =
        http.getAsync("/v1/directory/shop/later?waitSeconds=60");
    await().atMost(Duration.ofSeconds(10)).until(() -> directory.waiting() == 2);

    directory.remove("shop/cache");
    directory.update(entry("later", 1234));

    assertThat(removal.get().statusCode()).isEqualTo(404);
    assertThat(creation.get().statusCode()).isEqualTo(200);
    assertThat(body(creation.get()).path("port").asInt()).isEqualTo(1234);
  }

  @Test
  void waitingClientsHoldNoWorkerThread() throws Exception {
    String etag = "\"" + version("cache") + "\"";
    List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      waiting.add(http.getAsync("/v1/directory/shop/cache?waitSeconds=60", "If-None-Match", etag));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> directory.waiting() == 12);

    // 12 waiters and only 2 workers: a plain request is still served.
    assertThat(http.get("/v1/directory").statusCode()).isEqualTo(200);
    directory.update(entry("cache", 9));

    for (CompletableFuture<HttpResponse<String>> response : waiting) {
      assertThat(response.get().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void headAnswersWithoutBody() {
    HttpResponse<String> head = new TestClient(server).send("HEAD", "/v1/directory/shop/cache");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).contains("\"" + version("cache") + "\"");
  }

  @Test
  void entityTagsAreParsed() {
    assertThat(DirectoryHandler.entityTags(null)).isEmpty();
    assertThat(DirectoryHandler.entityTags("\"a\", W/\"b\" ,*"))
        .containsExactlyInAnyOrder("a", "b", "*");
  }
}
