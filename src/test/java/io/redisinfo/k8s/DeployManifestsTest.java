package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.redisinfo.k8s.OperatorApiCalls.ApiCall;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The manifests in {@code deploy/}, as {@code kubectl apply -k deploy/} would apply them. */
class DeployManifestsTest {
  private static final String NAMESPACE = "redis-info-operator";
  private static final String KUSTOMIZATION = "kustomization.yaml";

  private static final Map<String, HasMetadata> byFile = new LinkedHashMap<>();

  @BeforeAll
  static void load() {
    for (Path file : ProjectFiles.filesIn("deploy")) {
      String name = file.getFileName().toString();
      if (!name.equals(KUSTOMIZATION)) {
        Object loaded = ProjectFiles.serialization().unmarshal(ProjectFiles.read(file));
        assertThat(loaded)
            .as(name + " holds one Kubernetes object")
            .isInstanceOf(HasMetadata.class);
        byFile.put(name, (HasMetadata) loaded);
      }
    }
  }

  private static <T extends HasMetadata> T only(Class<T> type) {
    List<T> found = byFile.values().stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as(type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  private static Container operatorContainer() {
    List<Container> containers =
        only(Deployment.class).getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  @Test
  void kustomizationListsEveryFileInDeployAndSetsTheNamespace() throws IOException {
    JsonNode kustomization =
        new ObjectMapper(new YAMLFactory())
            .readTree(ProjectFiles.read(ProjectFiles.path("deploy/" + KUSTOMIZATION)));
    assertThat(kustomization.path("kind").asText()).isEqualTo("Kustomization");
    assertThat(kustomization.path("namespace").asText()).isEqualTo(NAMESPACE);
    List<String> resources = new ArrayList<>();
    kustomization.path("resources").forEach(r -> resources.add(r.asText()));
    assertThat(resources)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(byFile.keySet());
  }

  @Test
  void everyObjectIsOneWeExpect() {
    assertThat(byFile.values())
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "Namespace",
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Deployment",
            "Service");
    assertThat(only(Namespace.class).getMetadata().getName()).isEqualTo(NAMESPACE);
    for (HasMetadata o :
        List.of(only(ServiceAccount.class), only(Deployment.class), only(Service.class))) {
      assertThat(o.getMetadata().getNamespace()).as(o.getKind()).isEqualTo(NAMESPACE);
    }
  }

  @Test
  void clusterRoleBindingGivesTheClusterRoleToTheOperatorsServiceAccount() {
    ClusterRoleBinding binding = only(ClusterRoleBinding.class);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName())
        .isEqualTo(only(ClusterRole.class).getMetadata().getName());
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo(only(ServiceAccount.class).getMetadata().getName());
              assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
            });
    assertThat(only(Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo(only(ServiceAccount.class).getMetadata().getName());
  }

  @Test
  void clusterRoleGrantsExactlyTheOperatorsApiCalls() {
    Set<ApiCall> granted = new HashSet<>();
    for (PolicyRule rule : only(ClusterRole.class).getRules()) {
      assertThat(rule.getNonResourceURLs()).as("no non-resource URLs").isNullOrEmpty();
      assertThat(rule.getResourceNames()).as("no resource names").isNullOrEmpty();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            assertThat(List.of(group, resource, verb)).as("no wildcards").doesNotContain("*");
            granted.add(new ApiCall(group, resource, verb));
          }
        }
      }
    }
    Set<ApiCall> required = new HashSet<>(OperatorApiCalls.REQUIRED);
    Set<ApiCall> missing = new HashSet<>(required);
    missing.removeAll(granted);
    Set<ApiCall> beyond = new HashSet<>(granted);
    beyond.removeAll(required);
    assertThat(missing)
        .as("API calls the operator makes but the ClusterRole does not grant")
        .isEmpty();
    assertThat(beyond).as("grants beyond OperatorApiCalls.REQUIRED").isEmpty();
  }

  @Test
  void requiredApiCallsAreListedOnce() {
    assertThat(OperatorApiCalls.REQUIRED).doesNotHaveDuplicates().isNotEmpty();
  }

  @Test
  void everyRbacRuleIsExplainedByAComment() {
    List<String> lines =
        ProjectFiles.read(ProjectFiles.path("deploy/clusterrole.yaml")).lines().toList();
    int rules = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().startsWith("- apiGroups:")) {
        rules++;
        assertThat(lines.get(i - 1).trim())
            .as("comment above the rule on line %d", i + 1)
            .startsWith("#");
      }
    }
    assertThat(rules).isEqualTo(only(ClusterRole.class).getRules().size());
  }

  @Test
  void deploymentRunsTwoLeaderElectedReplicasOfTheReleasedImage() {
    Deployment deployment = only(Deployment.class);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    Container container = operatorContainer();
    assertThat(container.getImage()).isEqualTo("ghcr.io/redisinfo/redis-info-operator:0.1.0");
    assertThat(container.getArgs()).containsExactly("operator", "--leader-election");
    assertThat(container.getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("REDISINFO_LOG_FORMAT");
              assertThat(e.getValue()).isEqualTo("json");
            });
  }

  @Test
  void podAndContainerAreLockedDown() {
    PodSpec pod = only(Deployment.class).getSpec().getTemplate().getSpec();
    var podSecurity = pod.getSecurityContext();
    assertThat(podSecurity.getRunAsNonRoot()).isTrue();
    assertThat(podSecurity.getRunAsUser()).isEqualTo(10001L);
    assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

    var security = operatorContainer().getSecurityContext();
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getRunAsUser()).isIn(null, 10001L);
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getPrivileged()).isIn(null, false);
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
  }

  @Test
  void writableTmpIsAnEmptyDir() {
    PodSpec pod = only(Deployment.class).getSpec().getTemplate().getSpec();
    var mount =
        operatorContainer().getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals("/tmp"))
            .findFirst();
    assertThat(mount).isPresent();
    Volume volume =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals(mount.get().getName()))
            .findFirst()
            .orElseThrow();
    assertThat(volume.getEmptyDir()).isNotNull();
  }

  @Test
  void requestsAndLimitsAreSet() {
    var resources = operatorContainer().getResources();
    assertThat(resources.getRequests()).containsKeys("cpu", "memory");
    assertThat(resources.getLimits()).containsKeys("cpu", "memory");
  }

  @Test
  void probesHitHealthzAndReadyzOnPort8080() {
    Container container = operatorContainer();
    assertProbe(container, container.getLivenessProbe(), "/healthz");
    assertProbe(container, container.getReadinessProbe(), "/readyz");
  }

  private static void assertProbe(Container container, Probe probe, String path) {
    assertThat(probe).as(path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(resolvePort(container, probe.getHttpGet().getPort())).isEqualTo(8080);
  }

  private static int resolvePort(Container container, IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container.getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()))
        .getContainerPort();
  }

  @Test
  void serviceExposesHttpForPrometheus() {
    Service service = only(Service.class);
    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("http");
              assertThat(p.getPort()).isEqualTo(8080);
              assertThat(resolvePort(operatorContainer(), p.getTargetPort())).isEqualTo(8080);
            });
    assertThat(service.getSpec().getSelector()).isNotEmpty();
    assertThat(only(Deployment.class).getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(service.getMetadata().getAnnotations())
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "8080")
        .containsEntry("prometheus.io/path", "/metrics");
  }
}
