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
    record(componentKey, componentKey, ConfigMapDirectory.LEFT_OUT_REASON, message);
  }

  /** Records that the namespace's ConfigMap is someone else's, once while it stays so. */
  void notOwned(String componentKey, String message) {
    record(componentKey, componentKey + "#not-owned", ConfigMapDirectory.NOT_OWNED_REASON, message);
  }

  /**
   * Records the Event on the component unless one was recorded under {@code mark} already; a
   * failure is tried again at the next write of the namespace.
   */
  private void record(String componentKey, String mark, String reason, String message) {
    if (recorded.contains(mark)) {
      return;
    }
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
      recorded.add(mark);
    } catch (KubernetesClientException e) {
      LOG.warn("cannot record Event on {}: {}", componentKey, e.getMessage());
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
