package io.redisinfo.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.redisinfo.k8s.crd.RedisComponent;
import io.redisinfo.k8s.crd.RedisComponentStatus;
import io.redisinfo.metrics.StatusWriteMetrics;
import java.util.Iterator;

/**
 * Writes a RedisComponent's status with a JSON merge patch of the status subresource: never the
 * spec, no resourceVersion (the operator is the status' only writer, so a conflict cannot lose
 * anything), and fields the new status no longer has are set to null so they disappear.
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
  boolean write(RedisComponent resource, RedisComponentStatus status) {
    ObjectNode statusNode = mapper.valueToTree(status);
    if (resource.getStatus() != null) {
      ObjectNode old = mapper.valueToTree(resource.getStatus());
      for (Iterator<String> it = old.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!statusNode.has(field)) {
          statusNode.putNull(field);
        }
      }
    }
    ObjectNode patch = mapper.createObjectNode();
    patch.set("status", statusNode);
    try {
      client
          .resources(RedisComponent.class)
          .inNamespace(resource.getMetadata().getNamespace())
          .withName(resource.getMetadata().getName())
          .subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
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
