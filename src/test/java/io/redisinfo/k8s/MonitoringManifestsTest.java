package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/monitoring/}, the optional kustomize Component, rendered by the real {@code kubectl
 * kustomize} through an overlay as the docs tell users to write it; its alert rules and the
 * dashboard's queries checked by the real {@code promtool} (Debian package {@code prometheus}).
 */
class MonitoringManifestsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern METRIC = Pattern.compile("\\b((?:redis|redisinfo)_[a-z_]+)\\b");
  private static final List<JsonNode> rendered = new ArrayList<>();

  @BeforeAll
  static void render() throws Exception {
    assumeTrue(installed("kubectl", "version", "--client"), "kubectl is not installed");
    // kustomize refuses an overlay inside its base, and absolute paths: one below target/.
    Path overlay = ProjectFiles.path("target/monitoring-overlay");
    Files.createDirectories(overlay);
    Files.writeString(
        overlay.resolve("kustomization.yaml"),
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [../../deploy]
        components: [../../deploy/monitoring]
        """);
    String out = run("kubectl", "kustomize", overlay.toString());
    try (var parser = YAML.createParser(out)) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(rendered::add);
    }
  }

  private static JsonNode only(String kind) {
    List<JsonNode> found =
        rendered.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }

  @Test
  void theComponentAddsServiceMonitorRuleAndDashboardToTheBase() {
    assertThat(rendered)
        .extracting(o -> o.path("kind").asText())
        .contains("Deployment", "Service", "ServiceMonitor", "PrometheusRule", "ConfigMap");
    for (String kind : List.of("ServiceMonitor", "PrometheusRule", "ConfigMap")) {
      assertThat(only(kind).at("/metadata/namespace").asText())
          .as(kind)
          .isEqualTo("redis-info-operator");
      assertThat(only(kind).at("/metadata/labels/app.kubernetes.io~1part-of").asText())
          .isEqualTo("redis-info-operator");
    }
  }

  @Test
  void serviceMonitorScrapesTheServicesHttpPortAndHonorsOurLabels() {
    JsonNode monitor = only("ServiceMonitor");
    JsonNode service = only("Service");
    monitor
        .at("/spec/selector/matchLabels")
        .fields()
        .forEachRemaining(
            e ->
                assertThat(service.at("/metadata/labels").path(e.getKey()).asText())
                    .as("Service label " + e.getKey())
                    .isEqualTo(e.getValue().asText()));
    assertThat(monitor.at("/spec/endpoints")).hasSize(1);
    JsonNode endpoint = monitor.at("/spec/endpoints/0");
    assertThat(endpoint.path("port").asText()).isEqualTo(service.at("/spec/ports/0/name").asText());
    assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
    assertThat(endpoint.path("honorLabels").asBoolean())
        .as("keeps our namespace label instead of exported_namespace")
        .isTrue();
  }

  @Test
  void dashboardIsAGrafanaDashboardTheSidecarPicksUp() throws IOException {
    JsonNode configMap = only("ConfigMap");
    assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    JsonNode dashboard = new ObjectMapper().readTree(dashboardJson(configMap));
    assertThat(dashboard.path("uid").asText()).isEqualTo("redis-info-operator");
    assertThat(dashboard.path("panels").size()).isGreaterThan(10);
    assertThat(dashboardQueries(dashboard)).hasSizeGreaterThan(10);
  }

  @Test
  void everyMetricTheRulesAndTheDashboardQueryIsDocumented() throws IOException {
    Set<String> used = new TreeSet<>();
    for (String expr : ruleExpressions()) {
      used.addAll(metricNames(expr));
    }
    for (String expr :
        dashboardQueries(new ObjectMapper().readTree(dashboardJson(only("ConfigMap"))))) {
      used.addAll(metricNames(expr));
    }
    assertThat(used).contains("redis_up", "redis_memory_used_bytes", "redisinfo_polls_total");
    String docs;
    try (Stream<Path> files = Files.list(ProjectFiles.path("docs"))) {
      docs =
          files
              .filter(f -> f.toString().endsWith(".md"))
              .map(ProjectFiles::read)
              .reduce("", String::concat);
    }
    for (String metric : used) {
      assertThat(docs).as("%s is documented in docs/", metric).contains(metric);
    }
  }

  @Test
  void alertRulesAreValidAndFireOnSeriesLabelledAsOurs(@TempDir Path dir) throws Exception {
    assumeTrue(installed("promtool", "--version"), "promtool (Debian: prometheus) is missing");
    Path rules = dir.resolve("rules.yaml");
    ObjectNode file = YAML.createObjectNode();
    file.set("groups", only("PrometheusRule").at("/spec/groups"));
    Files.writeString(rules, yamlOf(file));
    assertThat(run("promtool", "check", "rules", rules.toString())).contains("SUCCESS");

    Path tests = dir.resolve("alerts-test.yaml");
    String template =
        new String(
            getClass().getResourceAsStream("/prometheus/alerts-test.yaml").readAllBytes(),
            StandardCharsets.UTF_8);
    Files.writeString(tests, template.replace("RULES_FILE", rules.toString()));
    assertThat(run("promtool", "test", "rules", tests.toString())).contains("SUCCESS");
  }

  /** Grafana's variables have no meaning to promtool: each becomes what "All" would send. */
  @Test
  void dashboardQueriesParseAsPromQl(@TempDir Path dir) throws Exception {
    assumeTrue(installed("promtool", "--version"), "promtool (Debian: prometheus) is missing");
    List<String> queries =
        dashboardQueries(new ObjectMapper().readTree(dashboardJson(only("ConfigMap"))));
    ObjectNode file = YAML.createObjectNode();
    var rules = file.putArray("groups").addObject().put("name", "dashboard").putArray("rules");
    for (int i = 0; i < queries.size(); i++) {
      String expr =
          queries
              .get(i)
              .replace("$__rate_interval", "5m")
              .replace("$namespace", ".*")
              .replace("$component", ".*");
      rules.addObject().put("record", "dashboard:query_" + i).put("expr", expr);
    }
    Path file1 = dir.resolve("dashboard-rules.yaml");
    Files.writeString(file1, yamlOf(file));
    assertThat(run("promtool", "check", "rules", file1.toString()))
        .contains("SUCCESS: " + queries.size() + " rules found");
  }

  private static List<String> ruleExpressions() {
    List<String> exprs = new ArrayList<>();
    for (JsonNode group : only("PrometheusRule").at("/spec/groups")) {
      for (JsonNode rule : group.path("rules")) {
        exprs.add(rule.path("expr").asText());
      }
    }
    assertThat(exprs).isNotEmpty();
    return exprs;
  }

  private static String dashboardJson(JsonNode configMap) {
    JsonNode data = configMap.path("data");
    assertThat(data.size()).isEqualTo(1);
    return data.elements().next().asText();
  }

  private static List<String> dashboardQueries(JsonNode dashboard) {
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(target.path("expr").asText());
      }
    }
    return queries;
  }

  private static Set<String> metricNames(String expr) {
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(expr.replaceAll("\\{[^}]*}", "{}"));
    while (m.find()) {
      // A histogram's _bucket series are documented under the histogram's name.
      names.add(m.group(1).replaceFirst("_bucket$", ""));
    }
    return names;
  }

  private static String yamlOf(JsonNode node) throws IOException {
    return new YAMLMapper()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .writeValueAsString(node);
  }

  private static boolean installed(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
    return out;
  }
}
