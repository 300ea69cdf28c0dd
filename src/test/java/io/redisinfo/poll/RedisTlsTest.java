package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.PollingRange;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSpec;
import io.redisinfo.shard.TlsMaterial;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import io.redisinfo.testing.TestCertificates;
import io.redisinfo.testing.TlsRedis;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poller against Debian's redis-server with TLS on ({@code --tls-port}), with certificates made
 * by the test: server-only TLS with the component's CA, mutual TLS, a wrong CA, a rotated CA.
 */
class RedisTlsTest {
  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  @TempDir Path dir;

  private final ShardRegistry registry = new ShardRegistry(Duration.ofMillis(100));
  private AdaptivePoller poller;

  @AfterEach
  void stop() {
    if (poller != null) {
      poller.close();
    }
  }

  private void startPoller() {
    poller =
        new AdaptivePoller(
            registry,
            PollerOptions.builder()
                .range(new PollingRange(Duration.ofMillis(100), Duration.ofMillis(300)))
                .timeout(Duration.ofSeconds(2))
                .build(),
            PollObserver.NONE);
    poller.start();
  }

  /** A server whose TLS port uses a certificate of {@code ca}; returns the TLS port. */
  private int tlsServer(TestCertificates ca, String name, boolean clientCertificates) {
    return TlsRedis.start(redis, ca, dir.resolve(name), clientCertificates);
  }

  private Shard add(String id, int port, TlsMaterial material) {
    registry.put("test", spec(id, port, material));
    return registry.get(id).orElseThrow();
  }

  private static ShardSpec spec(String id, int port, TlsMaterial material) {
    return new ShardSpec(
        id,
        new ShardAddress("127.0.0.1", port),
        null,
        null,
        Credentials.NONE.withTls(material),
        true,
        null);
  }

  @Test
  void serverOnlyTlsWithTheComponentsCa() {
    TestCertificates ca = TestCertificates.authority("test-ca");
    int port = tlsServer(ca, "a", false);
    startPoller();

    Shard shard = add("tls", port, new TlsMaterial(ca.caPem(), null, null));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(shard.snapshot().reachable()).isTrue();
              assertThat(shard.snapshot().summary().role()).isEqualTo("master");
            });
    // Polls after the first go through the connection's own handler, behind TLS.
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(shard.snapshot().polls()).isGreaterThan(3);
              assertThat(poller.infoChannelsBound()).isEqualTo(1);
            });
    assertThat(shard.snapshot().reachable()).isTrue();
    assertThat(shard.snapshot().info().getString("run_id")).isNotBlank();
  }

  @Test
  void mutualTlsNeedsTheClientCertificate() {
    TestCertificates ca = TestCertificates.authority("test-ca");
    int port = tlsServer(ca, "m", true);
    TestCertificates.Issued client = ca.client("redis-info-operator");
    startPoller();

    Shard with = add("with", port, new TlsMaterial(ca.caPem(), client.certPem(), client.keyPem()));
    Shard without = add("without", port, new TlsMaterial(ca.caPem(), null, null));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(with.snapshot().reachable()).isTrue();
              assertThat(without.snapshot().reachable()).isFalse();
              assertThat(without.snapshot().polls()).isPositive();
            });
    assertThat(without.snapshot().failure()).isEqualTo(FailureKind.TLS);
    assertThat(without.snapshot().lastError()).doesNotContain("BEGIN");
  }

  @Test
  void aWrongCaSaysTheHandshakeFailedAndARotatedCaIsUsedWithoutRestart() {
    TestCertificates serverCa = TestCertificates.authority("server-ca");
    TestCertificates otherCa = TestCertificates.authority("other-ca");
    int port = tlsServer(serverCa, "w", false);
    startPoller();

    Shard shard = add("tls", port, new TlsMaterial(otherCa.caPem(), null, null));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(shard.snapshot().failure()).isEqualTo(FailureKind.TLS);
              assertThat(shard.snapshot().lastError())
                  .startsWith("TLS handshake with 127.0.0.1:" + port + " failed")
                  .contains("caSecretRef");
            });

    // The Secret is fixed (or rotated): the same poller reconnects with the new CA.
    registry.put("test", spec("tls", port, new TlsMaterial(serverCa.caPem(), null, null)));
    await().atMost(Duration.ofSeconds(15)).until(() -> shard.snapshot().reachable());
  }

  @Test
  void tlsAgainstAPlainPortSaysTheServerDoesNotSpeakTls() {
    RedisServer plain = redis.start();
    startPoller();

    Shard shard = add("plain", plain.port(), new TlsMaterial(null, null, null));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(shard.snapshot().polls()).isPositive());
    assertThat(shard.snapshot().reachable()).isFalse();
    // The handshake's own timeout says "does the port serve TLS?"; on a loaded machine the poll's
    // outer deadline may come first and say it timed out: either way the address is named.
    assertThat(shard.snapshot().failure()).isIn(FailureKind.TLS, FailureKind.TIMEOUT);
    assertThat(shard.snapshot().lastError()).contains(plain.address());
  }
}
