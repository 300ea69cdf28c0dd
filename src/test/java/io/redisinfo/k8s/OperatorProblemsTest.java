package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import io.redisinfo.testing.TestCertificates;
import io.redisinfo.testing.TlsRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Wrong specs and Secrets: a Ready=False condition and one Event each; others keep working. */
class OperatorProblemsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  private final OperatorFixture k8s = new OperatorFixture();
  @TempDir Path dir;

  @AfterEach
  void close() {
    k8s.close();
  }

  @Test
  void invalidSpecsAndMissingSecretsGetAConditionAndAnEventWhileOthersKeepWorking() {
    // A memory limit, so that no advisory Event joins the ones this test counts.
    RedisServer server = redis.start("maxmemory", "64mb");
    RedisServer secured = redis.start("requirepass", "s3cret", "maxmemory", "64mb");
    // The missing Secret is created later: read again by name every period.
    k8s.secretRefresh = Duration.ofMillis(200);
    k8s.start(Duration.ofSeconds(1));
    // Neither endpoint nor selector: the API server's CEL rule would refuse it; the mock does not.
    k8s.component(
        """
        metadata: {name: neither}
        spec: {purpose: cache}
        """);
    k8s.component(
        """
        metadata: {name: bad-duration}
        spec:
          endpoint: {host: 127.0.0.1, port: %d}
          polling: {minInterval: 5x, maxInterval: 10s}
        """
            .formatted(server.port()));
    k8s.component(
        """
        metadata: {name: no-secret}
        spec:
          endpoint: {host: 127.0.0.1, port: %d}
          auth: {passwordSecretRef: {name: missing-auth, key: password}}
        """
            .formatted(secured.port()));
    k8s.component(
        """
        metadata: {name: good}
        spec:
          endpoint: {host: 127.0.0.1, port: %d}
        """
            .formatted(server.port()));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(k8s.ready("good")).extracting(Condition::getStatus).isEqualTo("True");
              assertCondition("neither", "InvalidSpec", "exactly one of endpoint");
              assertCondition("bad-duration", "InvalidSpec", "spec.polling.minInterval");
              assertCondition("no-secret", "SecretNotFound", "shop/missing-auth");
              assertThat(k8s.events("neither")).extracting("reason").containsExactly("InvalidSpec");
              assertThat(k8s.events("bad-duration"))
                  .extracting("reason")
                  .containsExactly("InvalidSpec");
              assertThat(k8s.events("no-secret"))
                  .extracting("reason")
                  .containsExactly("SecretNotFound");
              assertThat(k8s.events("good")).isEmpty();
            });
    assertThat(k8s.events("no-secret").get(0).getType()).isEqualTo("Warning");
    assertThat(k8s.events("no-secret").get(0).getMessage()).contains("spec.auth.passwordSecretRef");

    // The Events are not repeated while the problems last.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(k8s.events("neither")).hasSize(1);
              assertThat(k8s.events("no-secret")).hasSize(1);
            });

    // A Secret without the key: another reason. With the key: the component becomes ready.
    k8s.secret("missing-auth", "other", "x");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertCondition("no-secret", "SecretKeyNotFound", "has no key 'password'"));
    k8s.secret("missing-auth", "password", "s3cret");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Condition ready = k8s.ready("no-secret");
              assertThat(ready.getStatus()).as(ready.getMessage()).isEqualTo("True");
            });
    assertThat(k8s.events("no-secret"))
        .extracting("reason")
        .containsExactly("SecretNotFound", "SecretKeyNotFound");
  }

  @Test
  void aRotatedPasswordIsUsed() {
    RedisServer server = redis.start("requirepass", "pw-1");
    // No periodic re-read within the test: the refused password makes the operator read it again.
    k8s.secretRefresh = Duration.ofHours(1);
    var replica = k8s.start(Duration.ofSeconds(1));
    k8s.secret("sessions-auth", "password", "pw-1");
    k8s.component(
        """
        metadata: {name: sessions}
        spec:
          endpoint: {host: 127.0.0.1, port: %d}
          auth: {passwordSecretRef: {name: sessions-auth, key: password}}
        """
            .formatted(server.port()));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(k8s.ready("sessions"))
                    .extracting(Condition::getStatus)
                    .isEqualTo("True"));

    server.command("CONFIG", "SET", "requirepass", "pw-2");
    server.password("pw-2");
    k8s.secret("sessions-auth", "password", "pw-2");
    // Drop every connection: only one made with the new password can come back.
    assertThat(server.command("CLIENT", "KILL", "TYPE", "normal")).doesNotContain("NOAUTH");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var shard = replica.engine().shards().get("shop/sessions").orElseThrow();
              assertThat(shard.spec().credentials().password()).isEqualTo("pw-2");
              assertThat(shard.snapshot().reachable()).isTrue();
              assertThat(server.command("CLIENT", "LIST")).contains("name=redis-info-operator");
              assertThat(k8s.ready("sessions").getStatus()).isEqualTo("True");
            });
  }

  /** Mutual TLS with the CA and client certificate from Secrets; a missing Secret says which. */
  @Test
  void mutualTlsFromSecrets() {
    TestCertificates ca = TestCertificates.authority("redis-ca");
    int tlsPort = TlsRedis.start(redis, ca, dir, true);
    k8s.secretRefresh = Duration.ofMillis(200);
    k8s.start(Duration.ofSeconds(1));
    k8s.component(
        """
        metadata: {name: locks}
        spec:
          purpose: lock
          endpoint: {host: 127.0.0.1, port: %d}
          tls:
            enabled: true
            caSecretRef: {name: redis-ca}
            clientCertSecretRef: {name: redis-client}
        """
            .formatted(tlsPort));
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertCondition("locks", "SecretNotFound", "spec.tls.caSecretRef"));

    k8s.secret("redis-ca", "ca.crt", ca.caPem());
    TestCertificates.Issued client = ca.client("redis-info-operator");
    k8s.secret("redis-client", Map.of("tls.crt", client.certPem(), "tls.key", client.keyPem()));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Condition ready = k8s.ready("locks");
              assertThat(ready.getStatus()).as(ready.getMessage()).isEqualTo("True");
            });
  }

  private void assertCondition(String name, String reason, String messagePart) {
    Condition ready = k8s.ready(name);
    assertThat(ready).as(name).isNotNull();
    assertThat(ready.getStatus()).as(name).isEqualTo("False");
    assertThat(ready.getReason()).as(name).isEqualTo(reason);
    assertThat(ready.getMessage()).as(name).contains(messagePart);
  }
}
