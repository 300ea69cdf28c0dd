package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.redisinfo.k8s.OperatorApiCalls.ApiCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code charts/redis-info-operator}, linted and rendered by Helm itself (helm-java: Helm's Go code
 * as a native library, from Maven Central), and compared with {@code deploy/}, which stays the
 * reference for what the operator needs.
 */
class HelmChartTest {
  private static final Path CHART = ProjectFiles.path("charts/redis-info-operator");
  private static final String RELEASE_NAMESPACE = "redis-ops";

  private static List<HasMetadata> render(UnaryOperator<TemplateCommand> values) {
    String out =
        values
            .apply(
                new Helm(CHART)
                    .template()
                    .withName("redis-info-operator")
                    .withNamespace(RELEASE_NAMESPACE)
                    .withKubeVersion("1.30.0"))
            .call();
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : out.split("(?m)^---\\s*$")) {
      if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
        objects.add((HasMetadata) ProjectFiles.serialization().unmarshal(document));
      }
    }
    return objects;
  }

  /** A values file (helm-java's set passes no lists). */
  private static Path values(String yaml) {
    try {
      Path file = Files.createTempFile(ProjectFiles.path("target"), "values", ".yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
    List<T> found = all(objects, type);
    assertThat(found).as(type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  private static HasMetadata only(List<HasMetadata> objects, String kind) {
    List<HasMetadata> found = objects.stream().filter(o -> o.getKind().equals(kind)).toList();
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }

  private static Container container(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Deployment deployDeployment() {
    return (Deployment)
        ProjectFiles.serialization()
            .unmarshal(ProjectFiles.read(ProjectFiles.path("deploy/deployment.yaml")));
  }

  @Test
  void lintsCleanInStrictMode() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @Test
  void chartAndAppVersionAreTheProjectsAndTheCrdIsTheGeneratedOne() throws IOException {
    JsonNode chart =
        new ObjectMapper(new YAMLFactory()).readTree(CHART.resolve("Chart.yaml").toFile());
    assertThat(chart.path("version").asText()).isEqualTo(ProjectFiles.projectVersion());
    assertThat(chart.path("appVersion").asText()).isEqualTo(ProjectFiles.projectVersion());
    assertThat(ProjectFiles.read(CHART.resolve("crds/" + ProjectFiles.CRD_FILE)))
        .as("the build writes the chart's CRD with crds/'s; commit both")
        .isEqualTo(ProjectFiles.read(ProjectFiles.path("crds/" + ProjectFiles.CRD_FILE)));
  }

  @Test
  void defaultsRenderWhatDeployHas() {
    List<HasMetadata> objects = render(t -> t);
    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Deployment",
            "Service",
            "PodDisruptionBudget");
    Deployment chart = only(objects, Deployment.class);
    Deployment deploy = deployDeployment();
    assertThat(chart.getMetadata().getNamespace()).isEqualTo(RELEASE_NAMESPACE);
    assertThat(chart.getSpec().getReplicas()).isEqualTo(deploy.getSpec().getReplicas());
    Container c = container(chart);
    Container d = container(deploy);
    assertThat(c.getImage()).isEqualTo(d.getImage());
    assertThat(c.getArgs()).isEqualTo(d.getArgs());
    assertThat(c.getStartupProbe()).isEqualTo(d.getStartupProbe());
    assertThat(c.getLivenessProbe()).isEqualTo(d.getLivenessProbe());
    assertThat(c.getReadinessProbe()).isEqualTo(d.getReadinessProbe());
    assertThat(c.getResources()).isEqualTo(d.getResources());
    assertThat(c.getSecurityContext()).isEqualTo(d.getSecurityContext());
    assertThat(c.getPorts()).isEqualTo(d.getPorts());
    assertThat(c.getVolumeMounts()).isEqualTo(d.getVolumeMounts());
    assertThat(chart.getSpec().getTemplate().getSpec().getSecurityContext())
        .isEqualTo(deploy.getSpec().getTemplate().getSpec().getSecurityContext());
    assertThat(chart.getSpec().getTemplate().getSpec().getVolumes())
        .isEqualTo(deploy.getSpec().getTemplate().getSpec().getVolumes());
    assertThat(c.getEnv()).containsAll(d.getEnv());
    assertThat(c.getEnv())
        .contains(new EnvVar("REDISINFO_POD_SELECTOR", "app.kubernetes.io/name=redis", null));
    assertThat(chart.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(chart.getSpec().getSelector().getMatchLabels());
    assertThat(only(objects, "Service").getMetadata().getAnnotations())
        .containsEntry("prometheus.io/scrape", "true");
  }

  @Test
  void rbacGrantsExactlyTheOperatorsApiCallsWithTheLeaseInTheReleaseNamespace() {
    List<HasMetadata> objects = render(t -> t);
    List<PolicyRule> rules = new ArrayList<>(only(objects, ClusterRole.class).getRules());
    Role role = only(objects, Role.class);
    assertThat(role.getMetadata().getNamespace()).isEqualTo(RELEASE_NAMESPACE);
    assertThat(role.getRules()).allMatch(r -> r.getResources().equals(List.of("leases")));
    rules.addAll(role.getRules());
    Set<ApiCall> granted = new HashSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            granted.add(new ApiCall(group, resource, verb));
          }
        }
      }
    }
    assertThat(granted).containsExactlyInAnyOrderElementsOf(OperatorApiCalls.REQUIRED);
    String serviceAccount = only(objects, "ServiceAccount").getMetadata().getName();
    assertThat(only(objects, ClusterRoleBinding.class).getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getName()).isEqualTo(serviceAccount);
              assertThat(s.getNamespace()).isEqualTo(RELEASE_NAMESPACE);
            });
    assertThat(only(objects, RoleBinding.class).getRoleRef().getName())
        .isEqualTo(role.getMetadata().getName());
  }

  @Test
  void watchedNamespacesGetRoleBindingsInsteadOfTheClusterRoleBinding() {
    List<HasMetadata> objects =
        render(t -> t.withValuesFile(values("namespaces: [shop, billing]")));
    assertThat(all(objects, ClusterRoleBinding.class)).isEmpty();
    List<RoleBinding> toClusterRole =
        all(objects, RoleBinding.class).stream()
            .filter(b -> b.getRoleRef().getKind().equals("ClusterRole"))
            .toList();
    assertThat(toClusterRole)
        .extracting(b -> b.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("shop", "billing");
    assertThat(container(only(objects, Deployment.class)).getEnv())
        .contains(new EnvVar("REDISINFO_NAMESPACE", "shop,billing", null));
  }

  @Test
  void withoutLeaderElectionNoLeaseRoleAndNoFlag() {
    List<HasMetadata> objects = render(t -> t.set("leaderElection", "false").set("replicas", "1"));
    assertThat(all(objects, Role.class)).isEmpty();
    assertThat(container(only(objects, Deployment.class)).getArgs()).containsExactly("operator");
  }

  @Test
  void imageResourcesAndExtraArgsAreValues() {
    Deployment deployment =
        only(
            render(
                t ->
                    t.set("image.repository", "registry.example/redis-info-operator")
                        .set("image.tag", "1.2.3")
                        .set("resources.limits.memory", "1Gi")
                        .withValuesFile(values("extraArgs: [--status-interval, 1m]"))),
            Deployment.class);
    Container c = container(deployment);
    assertThat(c.getImage()).isEqualTo("registry.example/redis-info-operator:1.2.3");
    assertThat(c.getResources().getLimits().get("memory").toString()).isEqualTo("1Gi");
    assertThat(c.getArgs())
        .containsExactly("operator", "--leader-election", "--status-interval", "1m");
  }

  @Test
  void monitoringSwitchesRenderTheSameObjectsAsDeployMonitoring() throws IOException {
    List<HasMetadata> objects =
        render(
            t ->
                t.set("serviceMonitor.enabled", "true")
                    .set("serviceMonitor.labels.release", "kube-prometheus-stack")
                    .set("prometheusRule.enabled", "true")
                    .set("grafanaDashboard.enabled", "true"));
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectMapper json = new ObjectMapper();

    GenericKubernetesResource monitor = (GenericKubernetesResource) only(objects, "ServiceMonitor");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    JsonNode endpoint = json.valueToTree(monitor.getAdditionalProperties()).at("/spec/endpoints/0");
    assertThat(endpoint.path("honorLabels").asBoolean()).isTrue();
    assertThat(endpoint.path("port").asText()).isEqualTo("http");

    JsonNode ruleGroups =
        json.valueToTree(
                ((GenericKubernetesResource) only(objects, "PrometheusRule"))
                    .getAdditionalProperties())
            .at("/spec/groups");
    JsonNode deployGroups =
        yaml.readTree(ProjectFiles.path("deploy/monitoring/prometheusrule.yaml").toFile())
            .at("/spec/groups");
    assertThat(ruleGroups)
        .as("alert rules, {{ $labels }} untouched by Helm")
        .isEqualTo(deployGroups);

    ConfigMap dashboard = only(objects, ConfigMap.class);
    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    Map<String, String> data = dashboard.getData();
    assertThat(json.readTree(data.get("redis-info-operator.json")))
        .isEqualTo(json.readTree(ProjectFiles.path("deploy/monitoring/dashboard.json").toFile()));
  }
}
