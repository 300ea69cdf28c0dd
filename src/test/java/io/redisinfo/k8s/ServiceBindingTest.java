package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each component is a servicebinding.io provisioned service: a Secret {@code <name>-binding} with
 * the keys Spring Cloud Bindings' Redis binding reads, the password copied (and re-copied when it
 * rotates) but never in the uri, owned by the component and gone with it or when opted out.
 */
class ServiceBindingTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  private final OperatorFixture k8s = new OperatorFixture();

  @AfterEach
  void close() {
    k8s.close();
  }

  private Secret binding(String component) {
    return k8s.client
        .secrets()
        .inNamespace(OperatorFixture.NS)
        .withName(component + "-binding")
        .get();
  }

  private static Map<String, String> data(Secret secret) {
    Map<String, String> data = new TreeMap<>();
    secret
        .getData()
        .forEach(
            (k, v) ->
                data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return data;
  }

  @Test
  void aBindingSecretWithSpringCloudBindingsKeysFollowsTheComponent() {
    RedisServer server = redis.start("requirepass", "pw-1");
    // The rotation below is seen at the next period (the server keeps the old password).
    k8s.secretRefresh = Duration.ofMillis(200);
    k8s.start(Duration.ofSeconds(1));
    k8s.secret("sessions-auth", "password", "pw-1");
    RedisComponent created =
        k8s.component(
            """
            metadata: {name: sessions}
            spec:
              purpose: session
              endpoint: {host: 127.0.0.1, port: %d}
              database: 2
              auth: {username: default, passwordSecretRef: {name: sessions-auth, key: password}}
            """
                .formatted(server.port()));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Secret secret = binding("sessions");
              assertThat(secret).isNotNull();
              assertThat(secret.getType()).isEqualTo("servicebinding.io/redis");
              assertThat(data(secret))
                  .containsEntry("type", "redis")
                  .containsEntry("provider", "redis-info-operator")
                  .containsEntry("host", "127.0.0.1")
                  .containsEntry("port", Integer.toString(server.port()))
                  .containsEntry("database", "2")
                  .containsEntry("ssl", "false")
                  .containsEntry("username", "default")
                  .containsEntry("password", "pw-1")
                  .containsEntry("uri", "redis://default@127.0.0.1:" + server.port() + "/2");
              assertThat(k8s.get("sessions").getStatus().getBinding().getName())
                  .isEqualTo("sessions-binding");
            });
    Secret secret = binding("sessions");
    assertThat(data(secret).get("uri")).doesNotContain("pw-1");
    assertThat(secret.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("RedisComponent");
              assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
            });
    // The directory ConfigMap never holds the password.
    await()
        .atMost(WAIT)
        .until(
            () ->
                k8s.client
                        .configMaps()
                        .inNamespace(OperatorFixture.NS)
                        .withName("redis-directory")
                        .get()
                    != null);
    assertThat(
            k8s.client
                .configMaps()
                .inNamespace(OperatorFixture.NS)
                .withName("redis-directory")
                .get()
                .getData()
                .toString())
        .doesNotContain("pw-1");

    // The password rotates: the binding follows.
    k8s.secret("sessions-auth", "password", "pw-2");
    await().atMost(WAIT).until(() -> "pw-2".equals(data(binding("sessions")).get("password")));

    // Opted out: the binding goes, and so does status.binding.
    k8s.client
        .resources(RedisComponent.class)
        .inNamespace(OperatorFixture.NS)
        .withName("sessions")
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"redisinfo.io/service-binding\":\"false\"}}}");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(binding("sessions")).isNull();
              assertThat(k8s.get("sessions").getStatus().getBinding()).isNull();
            });
  }

  @Test
  void aDeletedComponentTakesItsBindingAlong() {
    RedisServer server = redis.start();
    k8s.start(Duration.ofSeconds(1));
    k8s.component(
        """
        metadata: {name: cache}
        spec:
          endpoint: {host: 127.0.0.1, port: %d}
        """
            .formatted(server.port()));
    await().atMost(WAIT).until(() -> binding("cache") != null);
    assertThat(data(binding("cache"))).doesNotContainKeys("password", "username");

    k8s.client
        .resources(RedisComponent.class)
        .inNamespace(OperatorFixture.NS)
        .withName("cache")
        .delete();
    await().atMost(WAIT).until(() -> binding("cache") == null);
  }
}
