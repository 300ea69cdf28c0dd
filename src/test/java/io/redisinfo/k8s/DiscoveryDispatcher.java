package io.redisinfo.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Fabric8 mock API server in CRUD mode serves no discovery documents, which the real kubectl
 * needs before any other call. This dispatcher answers {@code /api}, {@code /api/v1}, {@code /apis}
 * and {@code /apis/{group}/{version}} for the resources the tests use, and hands every other
 * request to the CRUD dispatcher.
 */
final class DiscoveryDispatcher extends KubernetesCrudDispatcher {
  /** One resource kubectl may name: its group/version, plural, kind, short names, scope. */
  record Resource(
      String group,
      String version,
      String plural,
      String kind,
      boolean namespaced,
      String... shortNames) {
    String groupVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }
  }

  static final List<Resource> RESOURCES =
      List.of(
          new Resource("", "v1", "namespaces", "Namespace", false, "ns"),
          new Resource("", "v1", "pods", "Pod", true, "po"),
          new Resource("", "v1", "secrets", "Secret", true),
          new Resource("", "v1", "configmaps", "ConfigMap", true, "cm"),
          new Resource("", "v1", "services", "Service", true, "svc"),
          new Resource("", "v1", "serviceaccounts", "ServiceAccount", true, "sa"),
          new Resource("", "v1", "events", "Event", true, "ev"),
          new Resource("apps", "v1", "deployments", "Deployment", true, "deploy"),
          new Resource("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
          new Resource(
              "rbac.authorization.k8s.io",
              "v1",
              "clusterrolebindings",
              "ClusterRoleBinding",
              false),
          new Resource("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
          new Resource("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
          new Resource("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, "pdb"),
          new Resource("coordination.k8s.io", "v1", "leases", "Lease", true),
          // The Prometheus Operator's kinds, as if its CRDs were installed (deploy/monitoring/).
          new Resource(
              "monitoring.coreos.com", "v1", "servicemonitors", "ServiceMonitor", true, "smon"),
          new Resource(
              "monitoring.coreos.com", "v1", "prometheusrules", "PrometheusRule", true, "promrule"),
          new Resource(
              "apiextensions.k8s.io",
              "v1",
              "customresourcedefinitions",
              "CustomResourceDefinition",
              false,
              "crd",
              "crds"),
          new Resource(
              "redisinfo.io", "v1alpha1", "rediscomponents", "RedisComponent", true, "rcomp"));

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.startsWith("/openapi")) {
      // No OpenAPI documents: kubectl then validates nothing client-side, as with --validate=false.
      return new MockResponse().setResponseCode(404).setBody("");
    }
    if ("GET".equals(request.getMethod())) {
      String body = discovery(path);
      if (body != null) {
        return new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "application/json")
            .setBody(body);
      }
    }
    return super.dispatch(request);
  }

  private String discovery(String path) {
    if (path.equals("/api")) {
      ObjectNode versions = json.createObjectNode().put("kind", "APIVersions");
      versions.putArray("versions").add("v1");
      versions
          .putArray("serverAddressByClientCIDRs")
          .addObject()
          .put("clientCIDR", "0.0.0.0/0")
          .put("serverAddress", "127.0.0.1");
      return versions.toString();
    }
    if (path.equals("/apis")) {
      Map<String, String> groups = new LinkedHashMap<>();
      for (Resource r : RESOURCES) {
        if (!r.group().isEmpty()) {
          groups.putIfAbsent(r.group(), r.version());
        }
      }
      ObjectNode list = json.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
      ArrayNode array = list.putArray("groups");
      groups.forEach(
          (group, version) -> {
            ObjectNode g = array.addObject().put("name", group);
            ObjectNode gv =
                json.createObjectNode()
                    .put("groupVersion", group + "/" + version)
                    .put("version", version);
            g.putArray("versions").add(gv);
            g.set("preferredVersion", gv);
          });
      return list.toString();
    }
    String groupVersion = null;
    if (path.equals("/api/v1")) {
      groupVersion = "v1";
    } else if (path.startsWith("/apis/") && path.split("/").length == 4) {
      groupVersion = path.substring("/apis/".length());
    }
    if (groupVersion == null) {
      return null;
    }
    List<Resource> resources = new ArrayList<>();
    for (Resource r : RESOURCES) {
      if (r.groupVersion().equals(groupVersion)) {
        resources.add(r);
      }
    }
    if (resources.isEmpty()) {
      return null;
    }
    ObjectNode list =
        json.createObjectNode()
            .put("kind", "APIResourceList")
            .put("apiVersion", "v1")
            .put("groupVersion", groupVersion);
    ArrayNode array = list.putArray("resources");
    for (Resource r : resources) {
      ObjectNode node =
          array
              .addObject()
              .put("name", r.plural())
              .put("singularName", r.kind().toLowerCase())
              .put("namespaced", r.namespaced())
              .put("kind", r.kind());
      ArrayNode verbs = node.putArray("verbs");
      List.of("create", "delete", "get", "list", "patch", "update", "watch").forEach(verbs::add);
      ArrayNode shortNames = node.putArray("shortNames");
      for (String s : r.shortNames()) {
        shortNames.add(s);
      }
      if (r.kind().equals("RedisComponent")) {
        ObjectNode status =
            array
                .addObject()
                .put("name", r.plural() + "/status")
                .put("singularName", "")
                .put("namespaced", true)
                .put("kind", r.kind());
        status.putArray("verbs").add("get").add("patch").add("update");
      }
    }
    return list.toString();
  }
}
