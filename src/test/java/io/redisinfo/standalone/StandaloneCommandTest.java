package io.redisinfo.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redisinfo.Main;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import io.redisinfo.testing.TestCertificates;
import io.redisinfo.testing.TlsRedis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StandaloneCommandTest {
  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private StandaloneCommand command;
  private CompletableFuture<Integer> exit;

  private void run(String... args) {
    CommandLine commandLine = Main.commandLine();
    List<String> all = new ArrayList<>(List.of("standalone", "--http-port", "0"));
    all.addAll(List.of(args));
    CommandLine sub = commandLine.getSubcommands().get("standalone");
    command = sub.getCommand();
    exit = CompletableFuture.supplyAsync(() -> commandLine.execute(all.toArray(String[]::new)));
    await().atMost(Duration.ofSeconds(20)).until(() -> command.engine() != null || exit.isDone());
    assertThat(exit).isNotDone();
  }

  @AfterEach
  void stop() throws Exception {
    if (command != null) {
      command.stop();
      assertThat(exit.get()).isZero();
    }
  }

  private int status(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + command.engine().http().port() + path))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private String text(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + command.engine().http().port() + path))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + command.engine().http().port() + path))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body());
  }

  /**
   * Mutual TLS against Debian's redis-server on a TLS port, with the CA and client certificate read
   * from --secrets-dir; a CA file that is wrong at first and then replaced (a rotation) is used
   * without a restart.
   */
  @Test
  void mutualTlsFromSecretFilesAndARotatedCaWithoutRestart() throws Exception {
    TestCertificates ca = TestCertificates.authority("redis-ca");
    TestCertificates wrong = TestCertificates.authority("someone-else");
    int tlsPort = TlsRedis.start(redis, ca, dir.resolve("server"), true);
    wrong.writeCa(dir.resolve("secrets/redis-ca/ca.crt"));
    ca.client("redis-info-operator").writeTo(dir.resolve("secrets/redis-client"), "tls");
    Path components = dir.resolve("components.yaml");
    Files.writeString(
        components,
        """
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: locks, namespace: shop}
        spec:
          purpose: lock
          endpoint: {host: 127.0.0.1, port: %d}
          tls:
            enabled: true
            caSecretRef: {name: redis-ca}
            clientCertSecretRef: {name: redis-client}
        """
            .formatted(tlsPort));

    run(
        "--components",
        components.toString(),
        "--secrets-dir",
        dir.resolve("secrets").toString(),
        "--min-interval",
        "100ms",
        "--max-interval",
        "500ms",
        "--reload-interval",
        "100ms");

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              JsonNode ready = get("/v1/components/shop/locks").at("/conditions/0");
              assertThat(ready.at("/reason").asText()).isEqualTo("TlsFailed");
              assertThat(ready.at("/message").asText()).contains("TLS handshake");
            });

    ca.writeCa(dir.resolve("secrets/redis-ca/ca.crt"));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              JsonNode locks = get("/v1/components/shop/locks");
              assertThat(locks.at("/conditions/0/status").asText()).isEqualTo("True");
              assertThat(locks.toString()).doesNotContain("PRIVATE KEY");
            });
  }

  @Test
  void aTlsFlagThatIsNotABooleanIsRejected() throws Exception {
    Path components = dir.resolve("components.yaml");
    Files.writeString(
        components,
        """
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: cache, namespace: shop}
        spec:
          endpoint: {host: 127.0.0.1, port: 6379}
          tls: {enabled: "yes"}
        """);

    run("--components", components.toString(), "--reload-interval", "100ms");

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(get("/v1/components/shop/cache").at("/conditions/0/message").asText())
                    .contains("spec.tls.enabled must be true or false, got \"yes\""));
  }

  @Test
  void pollsAdHocShardsAndComponentFilesAndServesThemOverHttp() throws Exception {
    RedisServer cache = redis.start();
    RedisServer plain = redis.start();
    RedisServer sessions = redis.start("requirepass", "pw-1");
    Files.createDirectories(dir.resolve("secrets/sessions-auth"));
    Files.writeString(dir.resolve("secrets/sessions-auth/password"), "pw-1\n");
    Path components = dir.resolve("components.yaml");
    Files.writeString(
        components,
        """
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: sessions, namespace: shop}
        spec:
          purpose: session
          endpoint: {host: 127.0.0.1, port: %d}
          auth: {passwordSecretRef: {name: sessions-auth, key: password}}
        ---
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: broken, namespace: shop}
        spec: {}
        """
            .formatted(sessions.port()));

    run(
        "--redis",
        "cache=" + cache.address(),
        "--redis",
        plain.address(),
        "--components",
        components.toString(),
        "--secrets-dir",
        dir.resolve("secrets").toString(),
        "--directory-dir",
        dir.resolve("directory").toString(),
        "--min-interval",
        "100ms",
        "--max-interval",
        "500ms",
        "--reload-interval",
        "100ms");

    // Ready means: everything given at start is loaded and has been polled once.
    await().atMost(Duration.ofSeconds(15)).until(() -> status("/readyz") == 200);
    assertThat(get("/v1/shards").findValuesAsText("id")).hasSize(3);
    assertThat(get("/v1/shards").findValues("lastError")).allMatch(JsonNode::isNull);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              JsonNode shards = get("/v1/shards");
              assertThat(shards.findValuesAsText("id"))
                  .containsExactlyInAnyOrder("cache", plain.address(), "shop/sessions");
              assertThat(shards.findValues("reachable")).allMatch(JsonNode::asBoolean);
            });
    JsonNode info = get("/v1/info?shard=shop/*&key=redis_version");
    assertThat(info.at("/shards/0/info/server/redis_version").asText()).isNotEmpty();

    // The invalid document is reported under its name, the valid ones are served everywhere.
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              JsonNode broken = get("/v1/components/shop/broken");
              assertThat(broken.at("/conditions/0/reason").asText()).isEqualTo("InvalidSpec");
              assertThat(broken.at("/conditions/0/message").asText()).contains("exactly one of");
              assertThat(get("/v1/components/shop/sessions").at("/conditions/0/status").asText())
                  .isEqualTo("True");
            });
    JsonNode entry = get("/v1/directory/shop/sessions");
    assertThat(entry.at("/port").asInt()).isEqualTo(sessions.port());
    assertThat(entry.at("/passwordSecretRef/name").asText()).isEqualTo("sessions-auth");
    assertThat(entry.toString()).doesNotContain("pw-1");
    Path file = dir.resolve("directory/shop/sessions.json");
    await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file));
    assertThat(json.readTree(file.toFile()).at("/version").asText())
        .isEqualTo(entry.at("/version").asText());
    String metrics = text("/metrics");
    assertThat(metrics)
        .contains(
            "redis_up{address=\""
                + cache.address()
                + "\",component=\"\",instance=\""
                + cache.address()
                + "\",namespace=\"\",shard=\"cache\"} 1.0")
        .contains("redisinfo_polls_total{outcome=\"ok\"}")
        .doesNotContain("pw-1");

    // Rotating the password file and the server's password: the new one is used.
    sessions.command("CONFIG", "SET", "requirepass", "pw-2");
    sessions.password("pw-2");
    Files.writeString(dir.resolve("secrets/sessions-auth/password"), "pw-2\n");
    // Drop every connection: only one made with the new password can come back.
    assertThat(sessions.command("CLIENT", "KILL", "TYPE", "normal")).doesNotContain("NOAUTH");
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              JsonNode shards = get("/v1/shards?component=shop/sessions");
              assertThat(shards.at("/shards/0/reachable").asBoolean())
                  .as(shards.toString())
                  .isTrue();
              assertThat(sessions.command("CLIENT", "LIST")).contains("name=redis-info-operator");
            });

    // Editing the file: a component goes, another comes; the others keep running.
    Files.writeString(
        components,
        """
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: stats, namespace: shop}
        spec:
          endpoint: {host: 127.0.0.1, port: %d}
        """
            .formatted(cache.port()));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(get("/v1/shards").findValuesAsText("id"))
                    .containsExactlyInAnyOrder("cache", plain.address(), "shop/stats"));
  }

  @Test
  void badArgumentsAreRejectedWithAMessageThatSaysWhy() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err));
    int code = commandLine.execute("standalone", "--redis", "cache=nohost:notaport");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--redis 'cache=nohost:notaport'").contains("not a number");

    err.getBuffer().setLength(0);
    code = commandLine.execute("standalone", "--min-interval", "5s", "--max-interval", "1s");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("must not be greater than maxInterval");

    err.getBuffer().setLength(0);
    code = commandLine.execute("standalone", "--timeout", "fast");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("duration 'fast' is not valid");
  }
}
