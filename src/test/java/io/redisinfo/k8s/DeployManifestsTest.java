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
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
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
            "Role",
            "RoleBinding",
            "Deployment",
            "PodDisruptionBudget",
            "Service");
    assertThat(only(Namespace.class).getMetadata().getName()).isEqualTo(NAMESPACE);
    for (HasMetadata o :
        List.of(
            only(ServiceAccount.class),
            only(Deployment.class),
            only(Service.class),
            only(Role.class),
            only(RoleBinding.class),
            only(PodDisruptionBudget.class))) {
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
  void leaseRightsAreANamespacedRoleBoundToTheServiceAccount() {
    Role role = only(Role.class);
    assertThat(role.getRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getApiGroups()).containsExactly("coordination.k8s.io");
              assertThat(r.getResources()).containsExactly("leases");
            });
    assertThat(only(ClusterRole.class).getRules())
        .as("no Lease rights cluster-wide")
        .noneMatch(r -> r.getResources().contains("leases"));
    RoleBinding binding = only(RoleBinding.class);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo(only(ServiceAccount.class).getMetadata().getName());
              assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
            });
    // The Lease lives in POD_NAMESPACE, the namespace the Role and the Deployment are in.
    assertThat(operatorContainer().getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("POD_NAMESPACE");
              assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                  .isEqualTo("metadata.namespace");
            });
  }

  @Test
  void clusterRoleAndLeaseRoleGrantExactlyTheOperatorsApiCalls() {
    Set<ApiCall> granted = new HashSet<>();
    List<PolicyRule> rules = new ArrayList<>(only(ClusterRole.class).getRules());
    rules.addAll(only(Role.class).getRules());
    for (PolicyRule rule : rules) {
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
        .as("API calls the operator makes but neither the ClusterRole nor the Role grants")
        .isEmpty();
    assertThat(beyond).as("grants beyond OperatorApiCalls.REQUIRED").isEmpty();
  }

  @Test
  void requiredApiCallsAreListedOnce() {
    assertThat(OperatorApiCalls.REQUIRED).doesNotHaveDuplicates().isNotEmpty();
  }

  @Test
  void everyRbacRuleIsExplainedByAComment() {
    assertRulesCommented("deploy/clusterrole.yaml", only(ClusterRole.class).getRules().size());
    assertRulesCommented("deploy/role.yaml", only(Role.class).getRules().size());
  }

  private static void assertRulesCommented(String file, int ruleCount) {
    List<String> lines = ProjectFiles.read(ProjectFiles.path(file)).lines().toList();
    int rules = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().startsWith("- apiGroups:")) {
        rules++;
        assertThat(lines.get(i - 1).trim())
            .as("%s: comment above the rule on line %d", file, i + 1)
            .startsWith("#");
      }
    }
    assertThat(rules).as(file).isEqualTo(ruleCount);
  }

  @Test
  void podDisruptionBudgetKeepsOneOfTheTwoReplicas() {
    PodDisruptionBudget pdb = only(PodDisruptionBudget.class);
    Deployment deployment = only(Deployment.class);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
    assertThat(maxUnavailable).isNotNull();
    assertThat(maxUnavailable.getIntVal()).isEqualTo(1);
    assertThat(deployment.getSpec().getReplicas() - maxUnavailable.getIntVal())
        .as("replicas left during a drain")
        .isPositive();
  }

  @Test
  void heapIsSetExplicitlyUnderTheMemoryLimit() {
    Container container = operatorContainer();
    String options =
        container.getEnv().stream()
            .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(options).contains("-Xmx128m", "-Xms48m", "-XX:+UseSerialGC");
    assertThat(container.getResources().getLimits().get("memory"))
        .as("room beside a 128 MiB heap")
        .isEqualTo(new io.fabric8.kubernetes.api.model.Quantity("512Mi"));
  }

  /** The JVM options measured in docs/BENCHMARKS.md are the same wherever the jar is started. */
  @Test
  void everyLauncherUsesTheDeploymentsJvmOptions() throws Exception {
    String options =
        operatorContainer().getEnv().stream()
            .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
            .findFirst()
            .orElseThrow()
            .getValue();
    for (String file :
        List.of(
            "Dockerfile",
            "pom.xml",
            "charts/redis-info-operator/values.yaml",
            "scripts/demo.sh",
            "scripts/check-image.sh",
            "bench/common.sh")) {
      assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(file)))
          .as(file)
          .contains(options);
    }
  }

  @Test
  void deploymentRunsTwoLeaderElectedReplicasOfTheImageTheBuildMakes() {
    Deployment deployment = only(Deployment.class);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    Container container = operatorContainer();
    // What `./mvnw -Pimage package` (Jib) tags: the jar's version.
    assertThat(container.getImage())
        .isEqualTo(ProjectFiles.IMAGE_NAME + ":" + ProjectFiles.projectVersion());
    assertThat(deployment.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/version", ProjectFiles.projectVersion());
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
    assertProbe(container, container.getStartupProbe(), "/healthz");
    assertProbe(container, container.getLivenessProbe(), "/healthz");
    assertProbe(container, container.getReadinessProbe(), "/readyz");
  }

  @Test
  void startupProbeAllowsAMinuteSoTheOthersNeedNoInitialDelay() {
    Probe startup = operatorContainer().getStartupProbe();
    assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
        .isGreaterThanOrEqualTo(60);
    assertThat(operatorContainer().getLivenessProbe().getInitialDelaySeconds()).isIn(null, 0);
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
