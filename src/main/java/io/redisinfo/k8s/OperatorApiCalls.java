package io.redisinfo.k8s;

import java.util.List;
import java.util.Objects;

/**
 * Every API call the operator makes, as (apiGroup, resource, verb). This is the single source of
 * truth for the operator's RBAC: {@code deploy/clusterrole.yaml} must grant exactly these, no more
 * (a test compares them). Whoever adds a Kubernetes call to the operator adds it here first.
 */
public final class OperatorApiCalls {
  /** The core API group. */
  public static final String CORE = "";

  /** One permission: a verb on a resource of an API group. */
  public record ApiCall(String apiGroup, String resource, String verb) {
    public ApiCall {
      Objects.requireNonNull(apiGroup, "apiGroup");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(verb, "verb");
    }

    @Override
    public String toString() {
      return (apiGroup.isEmpty() ? "core" : apiGroup) + "/" + resource + ":" + verb;
    }
  }

  public static final List<ApiCall> REQUIRED =
      List.of(
          // The primary resource: informers list and watch it, JOSDK reads it.
          new ApiCall("redisinfo.io", "rediscomponents", "get"),
          new ApiCall("redisinfo.io", "rediscomponents", "list"),
          new ApiCall("redisinfo.io", "rediscomponents", "watch"),
          // The status writer patches (and JOSDK may update) only the status subresource.
          new ApiCall("redisinfo.io", "rediscomponents/status", "get"),
          new ApiCall("redisinfo.io", "rediscomponents/status", "patch"),
          new ApiCall("redisinfo.io", "rediscomponents/status", "update"),
          // Redis pods become shards: selected by components and by --pod-selector.
          new ApiCall(CORE, "pods", "get"),
          new ApiCall(CORE, "pods", "list"),
          new ApiCall(CORE, "pods", "watch"),
          // The Secrets of passwordSecretRef and spec.tls, read by name (never listed or watched).
          new ApiCall(CORE, "secrets", "get"),
          // Each component's Service Binding Secret <component>-binding.
          new ApiCall(CORE, "secrets", "create"),
          new ApiCall(CORE, "secrets", "update"),
          new ApiCall(CORE, "secrets", "delete"),
          // The per-namespace redis-directory ConfigMaps.
          new ApiCall(CORE, "configmaps", "get"),
          new ApiCall(CORE, "configmaps", "list"),
          new ApiCall(CORE, "configmaps", "watch"),
          new ApiCall(CORE, "configmaps", "create"),
          new ApiCall(CORE, "configmaps", "update"),
          new ApiCall(CORE, "configmaps", "patch"),
          new ApiCall(CORE, "configmaps", "delete"),
          // Events on RedisComponents (the client may use either API group).
          new ApiCall(CORE, "events", "create"),
          new ApiCall(CORE, "events", "patch"),
          new ApiCall("events.k8s.io", "events", "create"),
          new ApiCall("events.k8s.io", "events", "patch"),
          // Leader election (--leader-election) holds a Lease.
          new ApiCall("coordination.k8s.io", "leases", "get"),
          new ApiCall("coordination.k8s.io", "leases", "create"),
          new ApiCall("coordination.k8s.io", "leases", "update"),
          // JOSDK asks at start whether it may use Leases (a SelfSubjectRulesReview).
          new ApiCall("authorization.k8s.io", "selfsubjectrulesreviews", "create"),
          // JOSDK checks at start that the RedisComponent CRD is installed.
          new ApiCall("apiextensions.k8s.io", "customresourcedefinitions", "get"));

  private OperatorApiCalls() {}
}
