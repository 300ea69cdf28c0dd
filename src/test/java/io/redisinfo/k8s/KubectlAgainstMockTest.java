package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.redisinfo.Main;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The real kubectl against the mock API server (behind a discovery dispatcher): the committed
 * manifests apply, and with the operator running against real redis-servers, {@code kubectl get
 * rcomp} with the CRD's own printer columns shows live INFO.
 */
class KubectlAgainstMockTest {
  @RegisterExtension final RedisServers redis = RedisServers.perTest();
  @TempDir Path dir;
  private KubernetesMockServer server;
  private KubernetesClient client;
  private Kubectl kubectl;
  private OperatorCommand operator;
  private CompletableFuture<Integer> exit;

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
  void stop() throws Exception {
    if (operator != null) {
      operator.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
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

  @Test
  void appliesDeployWithTheMonitoringComponent() throws Exception {
    // The monitoring Component through an overlay of the user's, as docs/KUBERNETES.md shows it
    // (kustomize wants the overlay outside deploy/ and relative paths).
    Path overlay = Files.createDirectories(Path.of("target/kubectl-monitoring-overlay"));
    Files.writeString(
        overlay.resolve("kustomization.yaml"),
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [../../deploy]
        components: [../../deploy/monitoring]
        """);
    Kubectl.Result monitoring =
        kubectl.run("apply", "--validate=false", "-k", overlay.toString()).requireSuccess();
    assertThat(monitoring.out())
        .contains(
            "servicemonitor.monitoring.coreos.com/redis-info-operator created",
            "prometheusrule.monitoring.coreos.com/redis-info-operator created",
            "configmap/redis-info-operator-dashboard created",
            "poddisruptionbudget.policy/redis-info-operator created",
            "role.rbac.authorization.k8s.io/redis-info-operator-leader-election created",
            "deployment.apps/redis-info-operator created");
  }

  @Test
  void appliesTheHelmChartWithEverySwitchOn() throws Exception {
    kubectl
        .run("apply", "--validate=false", "-f", "charts/redis-info-operator/crds/")
        .requireSuccess();
    client
        .namespaces()
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName("redis-ops")
                .endMetadata()
                .build())
        .create();
    String rendered =
        new com.marcnuri.helm.Helm(Path.of("charts/redis-info-operator"))
            .template()
            .withName("redis-info-operator")
            .withNamespace("redis-ops")
            .withKubeVersion("1.30.0")
            .set("serviceMonitor.enabled", "true")
            .set("prometheusRule.enabled", "true")
            .set("grafanaDashboard.enabled", "true")
            .call();
    Path manifests = dir.resolve("chart.yaml");
    Files.writeString(manifests, rendered);
    Kubectl.Result applied =
        kubectl.run("apply", "--validate=false", "-f", manifests.toString()).requireSuccess();
    assertThat(applied.out())
        .contains(
            "deployment.apps/redis-info-operator created",
            "poddisruptionbudget.policy/redis-info-operator created",
            "role.rbac.authorization.k8s.io/redis-info-operator-leader-election created",
            "clusterrolebinding.rbac.authorization.k8s.io/redis-info-operator created",
            "servicemonitor.monitoring.coreos.com/redis-info-operator created",
            "prometheusrule.monitoring.coreos.com/redis-info-operator created",
            "configmap/redis-info-operator-dashboard created");
    assertThat(client.apps().deployments().inNamespace("redis-ops").list().getItems())
        .singleElement()
        .satisfies(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
  }

  @Test
  void kubectlShowsLiveInfoInTheCrdsPrinterColumnsAndTheDirectoryConfigMap() throws Exception {
    RedisServer server = redis.start("requirepass", "s3cret");
    server.command("SET", "k", "v");
    server.command("GET", "k"); // a keyspace hit, so HIT% has a value
    kubectl.run("apply", "--validate=false", "-f", "crds/").requireSuccess();
    Files.writeString(
        dir.resolve("stats.yaml"),
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: stats-auth, namespace: default}
        stringData: {password: s3cret}
        ---
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: statistics, namespace: default}
        spec:
          purpose: stats
          endpoint: {host: 127.0.0.1, port: %d}
          auth: {passwordSecretRef: {name: stats-auth, key: password}}
          polling: {minInterval: 200ms, maxInterval: 1s}
        """
            .formatted(server.port()));
    kubectl
        .run("apply", "--validate=false", "-f", dir.resolve("stats.yaml").toString())
        .requireSuccess();

    CommandLine commandLine = Main.commandLine();
    operator = commandLine.getSubcommands().get("operator").getCommand();
    operator.useClient(client);
    exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute(
                    "operator",
                    "--http-port",
                    "0",
                    "--pod-selector",
                    "",
                    "--status-interval",
                    "1s"));

    String columns = printerColumns();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Kubectl.Result table =
                  kubectl.run("get", "rcomp", "-o", "custom-columns=" + columns).requireSuccess();
              List<String> lines = table.out().lines().toList();
              assertThat(lines).hasSize(2);
              assertThat(lines.get(0)).contains("ENDPOINT", "ROLE", "VERSION", "MEMORY", "OPS/S");
              String[] values = lines.get(1).trim().split("\\s+");
              assertThat(values)
                  .as(table.out())
                  .hasSize(columns.split(",").length)
                  .doesNotContain("<none>");
              assertThat(lines.get(0)).contains("REASON", "SHARDS", "LAST POLL");
              assertThat(lines.get(1))
                  .contains(server.address(), "master", "7.", "True", "Ready", "1/1", "stats");
            });
    Kubectl.Result directory =
        kubectl
            .run("get", "configmap", "redis-directory", "-o", "jsonpath={.data.statistics\\.json}")
            .requireSuccess();
    assertThat(directory.out())
        .contains("\"port\":" + server.port())
        .contains("stats-auth")
        .doesNotContain("s3cret");
  }

  /** NAME plus the CRD's own printer columns, as kubectl custom-columns. */
  private static String printerColumns() throws Exception {
    JsonNode crd =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("crds/rediscomponents.redisinfo.io-v1.yml").toFile());
    List<String> columns = new ArrayList<>(List.of("NAME:.metadata.name"));
    for (JsonNode column : crd.at("/spec/versions/0/additionalPrinterColumns")) {
      columns.add(
          column.get("name").asText().toUpperCase(Locale.ROOT)
              + ":"
              + column.get("jsonPath").asText());
    }
    return String.join(",", columns);
  }
}
