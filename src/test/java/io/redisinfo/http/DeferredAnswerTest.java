package io.redisinfo.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ApiExchange#answerWhen}: answers completed later, on another thread, or failed. */
class DeferredAnswerTest {
  private final CompletableFuture<String> later = new CompletableFuture<>();
  private ApiServer server;
  private HttpCalls http;

  @BeforeEach
  void start() {
    server =
        ApiServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new ApiServer.Limits(1, 4));
    server.route("/later", ex -> ex.answerWhen(later, DeferredAnswerTest::text));
    server.route(
        "/now",
        ex -> ex.answerWhen(CompletableFuture.completedFuture("now"), DeferredAnswerTest::text));
    server.route(
        "/bad",
        ex ->
            ex.answerWhen(
                CompletableFuture.failedFuture(new BadRequest("no good")),
                DeferredAnswerTest::text));
    server.route(
        "/broken",
        ex ->
            ex.answerWhen(
                CompletableFuture.completedFuture("x"),
                (e, v) -> {
                  throw new IllegalStateException("bug");
                }));
    http = new HttpCalls(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static void text(ApiExchange exchange, String value) throws java.io.IOException {
    exchange.sendBytes(200, "text/plain", value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void answerCompletedLaterOnAnotherThreadWhileTheOnlyWorkerServesOthers() throws Exception {
    CompletableFuture<HttpResponse<String>> waiting = http.getAsync("/later");
    // The single worker is free again: another request is served meanwhile.
    assertThat(http.get("/now").body()).isEqualTo("now");
    assertThat(waiting).isNotDone();

    new Thread(() -> later.complete("done")).start();

    assertThat(waiting.get().statusCode()).isEqualTo(200);
    assertThat(waiting.get().body()).isEqualTo("done");
  }

  @Test
  void failuresBecomeProblems() {
    HttpResponse<String> bad = http.get("/bad");
    HttpResponse<String> broken = http.get("/broken");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("no good");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).doesNotContain("bug");
  }
}
