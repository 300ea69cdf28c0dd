package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator reads the Secrets components name by name (GET), every {@code --secret-refresh}: it
 * never lists or watches Secrets, so it needs no access to every Secret of the cluster, yet a
 * Secret created after its component and a rotated password are picked up, on every replica.
 */
class SecretsByNameTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration REFRESH = Duration.ofMillis(200);

  /** A list or watch of Secrets: the collection's path, of one namespace or of all. */
  private static final Pattern SECRET_COLLECTION =
      Pattern.compile("/api/v1/(namespaces/[^/]+/)?secrets(\\?.*)?");

  private static final String SHARED_SECRET_PATH = "/api/v1/namespaces/shop/secrets/shared-auth";

  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  private final OperatorFixture k8s = new OperatorFixture();

  @AfterEach
  void close() {
    k8s.close();
  }

  @Test
  void secretsAreReadByNameNeverListedOrWatched() {
    RedisServer server = redis.start("requirepass", "pw-1");
    k8s.secretRefresh = REFRESH;
    OperatorFixture.Replica replica = k8s.start(Duration.ofSeconds(1));
    // Three components share one Secret that does not exist yet.
    for (String name : List.of("a", "b", "c")) {
      k8s.component(
          """
          metadata: {name: %s}
          spec:
            endpoint: {host: 127.0.0.1, port: %d}
            auth: {passwordSecretRef: {name: shared-auth, key: password}}
          """
              .formatted(name, server.port()));
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(k8s.ready("a"))
                    .extracting(Condition::getReason)
                    .isEqualTo("SecretNotFound"));

    k8s.secret("shared-auth", "password", "pw-1");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (String name : List.of("a", "b", "c")) {
                assertThat(k8s.ready(name)).extracting(Condition::getStatus).isEqualTo("True");
              }
            });

    // Rotated on the server (open connections stay authenticated) and in the Secret: the next
    // period reads it, without any failed poll to hurry it.
    server.command("CONFIG", "SET", "requirepass", "pw-2");
    server.password("pw-2");
    k8s.secret("shared-auth", "password", "pw-2");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (String name : List.of("a", "b", "c")) {
                assertThat(replica.engine().shards().get("shop/" + name))
                    .hasValueSatisfying(
                        shard ->
                            assertThat(shard.spec().credentials().password()).isEqualTo("pw-2"));
              }
            });

    // Over the whole run, from the operator's start: not one list or watch of Secrets.
    List<MockCluster.Request> listsOrWatches =
        k8s.cluster.requests(
            r ->
                r.method().equals("GET")
                    && (SECRET_COLLECTION.matcher(r.path()).matches()
                        || (r.path().contains("/secrets") && r.path().contains("watch="))));
    assertThat(listsOrWatches).isEmpty();

    // One GET of the shared Secret per period, not one per component.
    k8s.cluster.clearRequests();
    long start = System.nanoTime();
    Duration window = Duration.ofSeconds(3);
    await()
        .pollDelay(window)
        .atMost(window.plusSeconds(5))
        .until(() -> System.nanoTime() - start >= window.toNanos());
    long periods = window.toMillis() / REFRESH.toMillis();
    assertThat(k8s.cluster.requests(r -> r.path().equals(SHARED_SECRET_PATH)))
        .hasSizeGreaterThan(0)
        .hasSizeLessThanOrEqualTo((int) periods + 2);
  }

  /** Secrets are re-read on the standby too, which polls and answers queries like the leader. */
  @Test
  void theStandbyReadsSecretsToo() {
    RedisServer server = redis.start("requirepass", "pw-1");
    k8s.secretRefresh = REFRESH;
    OperatorFixture.Replica a = k8s.start(Duration.ofSeconds(1), true, "replica-a");
    OperatorFixture.Replica b = k8s.start(Duration.ofSeconds(1), true, "replica-b");
    k8s.component(
        """
        metadata: {name: sessions}
        spec:
          endpoint: {host: 127.0.0.1, port: %d}
          auth: {passwordSecretRef: {name: sessions-auth, key: password}}
        """
            .formatted(server.port()));
    k8s.secret("sessions-auth", "password", "pw-1");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (OperatorFixture.Replica replica : List.of(a, b)) {
                assertThat(replica.engine().shards().get("shop/sessions"))
                    .hasValueSatisfying(shard -> assertThat(shard.snapshot().reachable()).isTrue());
              }
            });

    server.command("CONFIG", "SET", "requirepass", "pw-2");
    server.password("pw-2");
    k8s.secret("sessions-auth", "password", "pw-2");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (OperatorFixture.Replica replica : List.of(a, b)) {
                assertThat(replica.engine().shards().get("shop/sessions"))
                    .hasValueSatisfying(
                        shard ->
                            assertThat(shard.spec().credentials().password()).isEqualTo("pw-2"));
              }
            });
  }
}
