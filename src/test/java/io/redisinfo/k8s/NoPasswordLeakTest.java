package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A password set on a component appears in no HTTP response, metric, ConfigMap, status, Event, API
 * request (other than the test's own Secret) or log line: this test collects all of them from a
 * running operator and searches them.
 */
class NoPasswordLeakTest {
  private static final String PASSWORD = "Pa55-unique-7731";
  private static final String WRONG_PASSWORD = "Wr0ng-unique-9911";

  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  private final OperatorFixture fixture = new OperatorFixture();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root =
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);

  @AfterEach
  void stop() {
    root.detachAppender(logs);
    fixture.close();
  }

  @Test
  void noPasswordInAnyOutput() throws Exception {
    logs.start();
    root.addAppender(logs);
    ch.qos.logback.classic.Level previous = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      RedisServer server = redis.start("requirepass", PASSWORD);
      fixture.secret("good-auth", "password", PASSWORD);
      fixture.secret("bad-auth", "password", WRONG_PASSWORD);
      // Secrets re-read every period, in the DEBUG logs too.
      fixture.secretRefresh = Duration.ofMillis(200);
      OperatorFixture.Replica replica = fixture.start(Duration.ofMillis(500));
      for (String name : List.of("good", "bad")) {
        fixture.component(
            """
            apiVersion: redisinfo.io/v1alpha1
            kind: RedisComponent
            metadata: {name: %s}
            spec:
              endpoint: {host: 127.0.0.1, port: %d}
              auth: {username: default, passwordSecretRef: {name: %s-auth, key: password}}
            """
                .formatted(name, server.port(), name));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Condition good = fixture.ready("good");
                Condition bad = fixture.ready("bad");
                assertThat(good).isNotNull();
                assertThat(good.getStatus()).isEqualTo("True");
                assertThat(bad).isNotNull();
                assertThat(bad.getReason()).isEqualTo("AuthFailed");
                assertThat(
                        fixture
                            .client
                            .configMaps()
                            .inNamespace(OperatorFixture.NS)
                            .withName("redis-directory")
                            .get())
                    .isNotNull();
              });

      List<String> outputs = new ArrayList<>();
      int port = replica.engine().http().port();
      for (String path :
          List.of(
              "/v1/shards",
              "/v1/info",
              "/v1/info?partial=true",
              "/v1/components",
              "/v1/directory",
              "/v1/directory/shop/good",
              "/metrics")) {
        outputs.add(path + " " + get(port, path));
      }
      for (RedisComponent c :
          fixture.client.resources(RedisComponent.class).inAnyNamespace().list().getItems()) {
        outputs.add("status " + Serialization.asJson(c.getStatus()));
      }
      fixture
          .client
          .configMaps()
          .inAnyNamespace()
          .list()
          .getItems()
          .forEach(cm -> outputs.add("configmap " + Serialization.asJson(cm)));
      fixture
          .client
          .v1()
          .events()
          .inAnyNamespace()
          .list()
          .getItems()
          .forEach(e -> outputs.add("event " + Serialization.asJson(e)));
      fixture
          .cluster
          .requests(r -> !r.path().contains("/secrets"))
          .forEach(r -> outputs.add("request " + r.method() + " " + r.path() + " " + r.body()));
      for (ILoggingEvent event : logs.list) {
        outputs.add(
            "log "
                + event.getFormattedMessage()
                + (event.getThrowableProxy() == null
                    ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy())));
      }

      // Every kind of output was collected, so the search below means something.
      for (String kind :
          List.of("/v1/", "/metrics", "status ", "configmap ", "event ", "request ", "log ")) {
        assertThat(outputs).as(kind).anyMatch(o -> o.startsWith(kind));
      }
      assertThat(outputs).anyMatch(o -> o.contains("good-auth")); // the reference is published
      for (String secret : List.of(PASSWORD, WRONG_PASSWORD)) {
        String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(outputs).noneMatch(o -> o.contains(secret)).noneMatch(o -> o.contains(base64));
      }
    } finally {
      root.setLevel(previous);
    }
  }

  private static String get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
