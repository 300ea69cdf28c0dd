package io.redisinfo.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.redisinfo.metrics.StatusWriteMetrics;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.resource.RedisComponentStatus;

/**
 * Writes a RedisComponent's status through the status subresource, never the spec, as a JSON Patch
 * that sets the whole {@code /status} ({@code [{"op":"add","path":"/status","value":...}]}; {@code
 * add} replaces an existing member). No resourceVersion is sent: the operator is the status' only
 * writer, so a conflict cannot lose anything. A JSON merge patch would do the same on a real API
 * server, but fabric8's mock server merges arrays (conditions, shards) by appending, so the one
 * patch both understand alike is used.
 *
 * <p>The write goes through JOSDK's resource operations: the resource it returns is cached until
 * the informer delivers it, so the next reconcile compares with what was written, not with the copy
 * from before the write (which would make it write the same status again), and the write's own
 * event triggers no reconcile.
 */
final class StatusWriter {
  private final KubernetesClient client;
  private final ObjectMapper mapper;
  private final StatusWriteMetrics metrics;

  StatusWriter(KubernetesClient client, ObjectMapper mapper, StatusWriteMetrics metrics) {
    this.client = client;
    this.mapper = mapper;
    this.metrics = metrics;
  }

  /**
   * @return whether the API server accepted the write (false when the resource is gone)
   * @throws KubernetesClientException on other failures (JOSDK retries the reconcile)
   */
  boolean write(
      RedisComponent resource, RedisComponentStatus status, Context<RedisComponent> context) {
    ObjectNode operation = mapper.createObjectNode();
    operation.put("op", "add");
    operation.put("path", "/status");
    operation.set("value", mapper.valueToTree(status));
    String patch = mapper.createArrayNode().add(operation).toString();
    try {
      context
          .resourceOperations()
          .resourcePatch(
              resource,
              // Through the cached item: patching by name alone makes fabric8 GET it first.
              current ->
                  client
                      .resource(current)
                      .subresource("status")
                      .patch(PatchContext.of(PatchType.JSON), patch),
              context.eventSourceRetriever().getControllerEventSource());
      metrics.recordStatusWrite(true);
      return true;
    } catch (KubernetesClientException e) {
      metrics.recordStatusWrite(false);
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }
}
