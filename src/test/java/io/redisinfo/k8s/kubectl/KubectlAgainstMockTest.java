package io.redisinfo.k8s.kubectl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.redisinfo.k8s.crd.RedisComponent;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed manifests through the real kubectl: the CRD, the kustomization and the examples
 * apply, and kubectl finds the resource by its short name.
 */
class KubectlAgainstMockTest {
  @TempDir Path dir;
  private KubernetesMockServer server;
  private KubernetesClient client;
  private Kubectl kubectl;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), new DiscoveryDispatcher(), false);
    server.init();
    client = server.createClient();
    kubectl = new Kubectl(client.getConfiguration().getMasterUrl(), dir);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.destroy();
    }
  }

  @Test
  void appliesTheCrdTheDeploymentAndTheExamples() throws Exception {
    kubectl.run("apply", "--validate=false", "-f", "crds/").requireSuccess();
    kubectl.run("apply", "--validate=false", "-k", "deploy/").requireSuccess();
    client
        .namespaces()
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName("shop")
                .endMetadata()
                .build())
        .create();
    Kubectl.Result examples =
        kubectl.run("apply", "--validate=false", "-n", "shop", "-f", "examples/").requireSuccess();
    assertThat(examples.out()).contains("rediscomponent.redisinfo.io/");

    assertThat(client.apps().deployments().inNamespace("redis-info-operator").list().getItems())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName())
                    .isEqualTo("redis-info-operator"));
    assertThat(client.resources(RedisComponent.class).inAnyNamespace().list().getItems())
        .hasSizeGreaterThanOrEqualTo(4);
    Kubectl.Result names = kubectl.run("get", "rcomp", "-A", "-o", "name").requireSuccess();
    assertThat(names.out().lines())
        .hasSizeGreaterThanOrEqualTo(4)
        .allMatch(l -> l.startsWith("rediscomponent.redisinfo.io/"));
  }
}
