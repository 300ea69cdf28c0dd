package io.redisinfo.k8s.directory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.redisinfo.k8s.WarningEvents;
import io.redisinfo.resource.RedisComponent;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a Warning Event {@value ConfigMapDirectory#LEFT_OUT_REASON} on a RedisComponent whose
 * entry does not fit in its namespace's ConfigMap: once while it stays left out, again if it comes
 * back after having fitted. The component's uid is looked up so that {@code kubectl describe} shows
 * the Event. Called on the writer's thread only.
 */
final class LeftOutEvents {
  private static final Logger LOG = LoggerFactory.getLogger(LeftOutEvents.class);

  private final KubernetesClient client;
  private final WarningEvents events;
  private final Set<String> recorded = new HashSet<>();

  LeftOutEvents(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.events = new WarningEvents(client, clock, instance);
  }

  /** Records the Event unless already recorded for this stretch of being left out. */
  void leftOut(String componentKey, String message) {
    if (recorded.contains(componentKey)) {
      return;
    }
    if (record(componentKey, ConfigMapDirectory.LEFT_OUT_REASON, message)) {
      recorded.add(componentKey);
    }
  }

  private boolean record(String componentKey, String reason, String message) {
    int slash = componentKey.indexOf('/');
    String namespace = componentKey.substring(0, slash);
    String name = componentKey.substring(slash + 1);
    try {
      RedisComponent component =
          client.resources(RedisComponent.class).inNamespace(namespace).withName(name).get();
      events.record(
          namespace,
          name,
          component == null ? null : component.getMetadata().getUid(),
          null,
          reason,
          message);
      return true;
    } catch (KubernetesClientException e) {
      // Not recorded: tried again at the next write of the namespace.
      LOG.warn("cannot record Event on {}: {}", componentKey, e.getMessage());
      return false;
    }
  }

  /** Records that the namespace's ConfigMap is someone else's, once while it stays so. */
  void notOwned(String componentKey, String message) {
    if (recorded.contains(componentKey + "#not-owned")) {
      return;
    }
    if (record(componentKey, ConfigMapDirectory.NOT_OWNED_REASON, message)) {
      recorded.add(componentKey + "#not-owned");
    }
  }

  void owned(String componentKey) {
    recorded.remove(componentKey + "#not-owned");
  }

  /** The entry fits again (or is gone): a later overflow is recorded anew. */
  void fits(String componentKey) {
    recorded.remove(componentKey);
  }
}
