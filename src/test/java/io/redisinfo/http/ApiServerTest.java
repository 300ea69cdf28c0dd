package io.redisinfo.http;

import static io.redisinfo.http.TestClient.contentType;
import static io.redisinfo.http.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiServerTest {
  private ApiServer server;
  private TestClient client;

  @BeforeEach
  void start() {
    server =
        ApiServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            new ApiServer.Limits(4, 16));
    client = new TestClient(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ApiHandler answering(String text) {
    return exchange ->
        exchange.sendJson(
            200,
            json -> {
              json.writeStartObject();
              json.writeStringField("handler", text);
              json.writeStringField("path", exchange.path());
              json.writeEndObject();
            });
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(contentType(response)).isEqualTo("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotEmpty();
    assertThat(problem.path("detail").asText()).isEqualTo(detail);
  }

  @Test
  void bindsAFreePortWhenAskedForPortZero() {
    assertThat(server.port()).isBetween(1, 65535);
    server.route("/ping", answering("ping"));

    HttpResponse<String> response = client.get("/ping");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo("application/json");
    assertThat(json(response).path("handler").asText()).isEqualTo("ping");
  }

  @Test
  void routesExactPathsAndTheLongestPrefix() {
    server
        .route("/v1/directory", answering("list"))
        .route("/v1/directory/", answering("entry"))
        .route("/v1/directory/special/", answering("special"));

    assertThat(json(client.get("/v1/directory")).path("handler").asText()).isEqualTo("list");
    assertThat(json(client.get("/v1/directory/shop/cache")).path("handler").asText())
        .isEqualTo("entry");
    assertThat(json(client.get("/v1/directory/shop/cache")).path("path").asText())
        .isEqualTo("/v1/directory/shop/cache");
    assertThat(json(client.get("/v1/directory/special/x")).path("handler").asText())
        .isEqualTo("special");
    assertProblem(client.get("/v1/directoryx"), 404, "no endpoint at /v1/directoryx");
  }

  @Test
  void anExactRouteDoesNotServeLongerPaths() {
    server.route("/v1/shards", answering("shards"));

    assertProblem(client.get("/v1/shards/x"), 404, "no endpoint at /v1/shards/x");
    assertProblem(client.get("/"), 404, "no endpoint at /");
  }

  @Test
  void refusesToRouteAPathTwiceOrARelativePath() {
    server.route("/a", answering("a")).route("/b/", answering("b"));

    assertThatThrownBy(() -> server.route("/a", answering("again")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("route '/a' is already taken");
    assertThatThrownBy(() -> server.route("/b/", answering("again")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("route prefix '/b/' is already taken");
    assertThatThrownBy(() -> server.route("a", answering("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("route path must start with '/', got 'a'");
  }

  @Test
  void answersOtherMethodsThanGetAndHeadWith405() {
    server.route("/ping", answering("ping"));

    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      HttpResponse<String> response = client.send(method, "/ping");
      assertProblem(response, 405, "method " + method + " is not allowed; use GET or HEAD");
      assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    server.route("/ping", answering("ping"));

    HttpResponse<String> head = client.send("HEAD", "/ping");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(contentType(head)).isEqualTo("application/json");
    assertThat(head.body()).isEmpty();
    // The connection stays usable after a HEAD.
    assertThat(client.get("/ping").statusCode()).isEqualTo(200);
  }

  @Test
  void headOfAProblemKeepsItsStatusAndType() {
    HttpResponse<String> head = client.send("HEAD", "/nothing");

    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(contentType(head)).isEqualTo("application/problem+json");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void mapsBadRequestTo400AndOtherApiExceptionsToTheirStatus() {
    server.route(
        "/bad",
        exchange -> {
          throw new BadRequest("parameter 'x' is wrong");
        });
    server.route(
        "/busy",
        exchange -> {
          throw ApiException.serviceUnavailable("try later");
        });

    assertProblem(client.get("/bad"), 400, "parameter 'x' is wrong");
    assertProblem(client.get("/busy"), 503, "try later");
  }

  @Test
  void hidesUnexpectedExceptionsBehindA500() {
    server.route(
        "/boom",
        exchange -> {
          throw new IllegalStateException("secret internals: password=hunter2");
        });
    server.route(
        "/io",
        exchange -> {
          throw new UncheckedIOException(new IOException("disk on fire"));
        });

    HttpResponse<String> response = client.get("/boom");

    assertProblem(response, 500, "the server failed to answer; the error is logged");
    assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalState");
    assertProblem(client.get("/io"), 500, "the server failed to answer; the error is logged");
    // The server keeps serving after a failure.
    assertProblem(client.get("/boom"), 500, "the server failed to answer; the error is logged");
  }

  @Test
  void jsonUpToTheBufferLimitHasALengthAndLargerJsonIsStreamedWhole() {
    int large = ApiExchange.BUFFERED_BODY_LIMIT / 10 + 100;
    server.route(
        "/items",
        exchange -> {
          int count = exchange.query().single("n").map(Integer::parseInt).orElse(0);
          exchange.sendJson(
              200,
              json -> {
                json.writeStartArray();
                for (int i = 0; i < count; i++) {
                  json.writeString("item" + (100_000 + i)); // 13 bytes with quotes and comma
                }
                json.writeEndArray();
              });
        });

    HttpResponse<String> small = client.get("/items?n=2");
    assertThat(small.body()).isEqualTo("[\"item100000\",\"item100001\"]");
    assertThat(small.headers().firstValue("Content-Length")).hasValue("27");
    assertThat(small.headers().firstValue("Transfer-Encoding")).isEmpty();
    HttpResponse<String> big = client.get("/items?n=" + large * 2);
    assertThat(big.headers().firstValue("Content-Length")).isEmpty();
    assertThat(big.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    assertThat(json(big).size()).isEqualTo(large * 2);
    assertThat(json(big).get(large * 2 - 1).asText()).isEqualTo("item" + (100_000 + large * 2 - 1));
    HttpResponse<String> head = client.send("HEAD", "/items?n=2");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue("27");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void jsonThatFailsBeforeAnyOfItIsSentBecomesAProblemNotATruncatedBody() {
    server.route(
        "/half",
        exchange ->
            exchange.sendJson(
                200,
                json -> {
                  json.writeStartObject();
                  json.writeStringField("started", "yes");
                  throw new IllegalStateException("failed half-way");
                }));

    assertProblem(client.get("/half"), 500, "the server failed to answer; the error is logged");
  }

  @Test
  void aHandlerThatSendsNothingIsA500() {
    server.route("/silent", exchange -> {});

    assertProblem(client.get("/silent"), 500, "the server failed to answer; the error is logged");
  }

  @Test
  void parsesRepeatableQueryParametersAndRejectsUnknownOnes() {
    server.route(
        "/q",
        exchange -> {
          QueryParams query = exchange.query(List.of("a", "b", "c"));
          String b = query.single("b").orElse(null);
          exchange.sendJson(
              200,
              json -> {
                json.writeStartObject();
                Json.writeField(json, "a", query.all("a"));
                Json.writeField(json, "b", b);
                Json.writeField(json, "c", query.all("c"));
                json.writeEndObject();
              });
        });

    JsonNode body = json(client.get("/q?a=1&a=x%2Fy&b=caf%C3%A9+au+lait&c&&a="));

    assertThat(body.path("a").toString()).isEqualTo("[\"1\",\"x/y\",\"\"]");
    assertThat(body.path("b").asText()).isEqualTo("café au lait");
    assertThat(body.path("c").toString()).isEqualTo("[\"\"]");
    assertProblem(client.get("/q?a=1&zz=2"), 400, "unknown parameter 'zz'; allowed: a, b, c");
    assertProblem(
        client.get("/q?b=1&b=2"), 400, "parameter 'b' is given 2 times; give it at most once");
  }

  @Test
  void rejectsAMalformedPercentEscape() {
    // No HTTP client sends such a URI; the parser must still refuse it clearly.
    assertThatThrownBy(() -> QueryParams.parse("a=%zz"))
        .isInstanceOf(BadRequest.class)
        .hasMessageStartingWith("malformed query string near '%zz'");
  }

  @Test
  void validatesBooleanAndNumberParameters() {
    server.route(
        "/typed",
        exchange -> {
          QueryParams query = exchange.query(List.of("flag", "n"));
          boolean flag = query.bool("flag").orElse(false);
          long n = query.longInRange("n", 0, 10).orElse(-1);
          exchange.sendJson(
              200,
              json -> {
                json.writeStartObject();
                json.writeBooleanField("flag", flag);
                json.writeNumberField("n", n);
                json.writeEndObject();
              });
        });

    JsonNode body = json(client.get("/typed?flag=true&n=10"));
    assertThat(body.path("flag").asBoolean()).isTrue();
    assertThat(body.path("n").asLong()).isEqualTo(10);
    assertProblem(
        client.get("/typed?flag=yes"), 400, "parameter 'flag' must be true or false, got 'yes'");
    assertProblem(
        client.get("/typed?n=11"),
        400,
        "parameter 'n' must be a whole number from 0 to 10, got '11'");
    assertProblem(
        client.get("/typed?n=ten"),
        400,
        "parameter 'n' must be a whole number from 0 to 10, got 'ten'");
  }

  @Test
  void sendsBytesWithTheirLengthAndTypeAndStatusesWithoutBody() {
    byte[] text = "redis_up 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    server.route("/text", exchange -> exchange.sendBytes(200, "text/plain; version=0.0.4", text));
    server.route(
        "/cached",
        exchange -> {
          exchange.setHeader("ETag", "\"v1\"");
          exchange.sendStatus(304);
        });

    HttpResponse<String> get = client.get("/text");
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(contentType(get)).isEqualTo("text/plain; version=0.0.4");
    assertThat(get.headers().firstValue("Content-Length")).hasValue("11");
    assertThat(get.body()).isEqualTo("redis_up 1\n");
    HttpResponse<String> head = client.send("HEAD", "/text");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    HttpResponse<String> notModified = client.get("/cached");
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.headers().firstValue("ETag")).hasValue("\"v1\"");
    assertThat(notModified.body()).isEmpty();
  }

  @Test
  void aDeferredAnswerFreesTheWorkerUntilItsStageCompletes() throws Exception {
    try (ApiServer single =
        ApiServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            new ApiServer.Limits(1, 16))) {
      TestClient singleClient = new TestClient(single);
      CompletableFuture<String> change = new CompletableFuture<>();
      CompletableFuture<Void> parked = new CompletableFuture<>();
      single.route(
          "/wait",
          exchange -> {
            exchange.answerWhen(
                change,
                (ex, value, failure) ->
                    ex.sendJson(
                        200,
                        json -> {
                          json.writeStartObject();
                          json.writeStringField("value", value);
                          json.writeEndObject();
                        }));
            parked.complete(null);
          });
      single.route("/ping", answering("ping"));

      CompletableFuture<HttpResponse<String>> waiting = singleClient.getAsync("/wait");
      parked.get(10, TimeUnit.SECONDS);
      // The only worker is free again while /wait is parked.
      assertThat(singleClient.get("/ping").statusCode()).isEqualTo(200);
      assertThat(waiting).isNotDone();

      change.complete("v2");
      HttpResponse<String> answered = waiting.get(10, TimeUnit.SECONDS);
      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(json(answered).path("value").asText()).isEqualTo("v2");
    }
  }

  @Test
  void aDeferredAnswerGetsTheFailureAndItsExceptionsAreMapped() {
    server.route(
        "/timeout",
        exchange ->
            exchange.answerWhen(
                new CompletableFuture<String>().orTimeout(50, TimeUnit.MILLISECONDS),
                (ex, value, failure) -> {
                  assertThat(failure).isInstanceOf(TimeoutException.class);
                  ex.sendStatus(304);
                }));
    server.route(
        "/gone",
        exchange ->
            exchange.answerWhen(
                CompletableFuture.completedFuture("x"),
                (ex, value, failure) -> {
                  throw new NotFound("entry shop/cache was deleted");
                }));
    server.route(
        "/forgot",
        exchange -> exchange.answerWhen(CompletableFuture.completedFuture("x"), (ex, v, f) -> {}));

    assertThat(client.get("/timeout").statusCode()).isEqualTo(304);
    assertProblem(client.get("/gone"), 404, "entry shop/cache was deleted");
    assertProblem(client.get("/forgot"), 500, "the server failed to answer; the error is logged");
  }

  @Test
  void runsHandlersOnNamedDaemonWorkers() {
    AtomicReference<Thread> worker = new AtomicReference<>();
    server.route(
        "/who",
        exchange -> {
          worker.set(Thread.currentThread());
          exchange.sendStatus(204);
        });

    assertThat(client.get("/who").statusCode()).isEqualTo(204);
    assertThat(worker.get().getName()).startsWith("http-worker-");
    assertThat(worker.get().isDaemon()).isTrue();
  }

  @Test
  void healthzAnswersWhileServingAndReadyzFollowsReadiness() {
    AtomicBoolean ready = new AtomicBoolean(false);
    new Probes(ready::get, () -> "waiting for the first sync of components").registerOn(server);

    HttpResponse<String> health = client.get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).path("status").asText()).isEqualTo("ok");
    assertProblem(client.get("/readyz"), 503, "waiting for the first sync of components");

    ready.set(true);
    HttpResponse<String> readiness = client.get("/readyz");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(json(readiness).path("status").asText()).isEqualTo("ready");
    assertThat(client.send("HEAD", "/readyz").statusCode()).isEqualTo(200);

    ready.set(false);
    assertThat(client.get("/readyz").statusCode()).isEqualTo(503);
    assertThat(client.get("/healthz?verbose").statusCode()).isEqualTo(200);
  }

  @Test
  void turnsOffNagleSoThatKeepAliveResponsesAreNotHeldBack() {
    assertThat(System.getProperty(ApiServer.NO_DELAY_PROPERTY)).isEqualTo("true");
  }

  @Test
  void closeStopsListening() {
    server.route("/ping", answering("ping"));
    assertThat(client.get("/ping").statusCode()).isEqualTo(200);
    int port = server.port();

    server.close();

    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(IOException.class);
  }

  @Test
  void failsClearlyWhenThePortIsTaken() {
    InetSocketAddress taken =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());

    assertThatThrownBy(() -> ApiServer.start(taken, ApiServer.Limits.DEFAULT))
        .isInstanceOf(io.redisinfo.cli.StartupFailure.class)
        .hasMessageStartingWith("--http-port " + taken.getPort() + ": the port is in use")
        .satisfies(
            e ->
                assertThat(((io.redisinfo.cli.StartupFailure) e).exitCode())
                    .isEqualTo(io.redisinfo.cli.StartupFailure.ENVIRONMENT));
  }
}
