package io.redisinfo.k8s.directory;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.redisinfo.k8s.crd.RedisComponent;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
  static final String COMPONENT = "redis-info-operator";

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;
  private final Set<String> recorded = new HashSet<>();
  private final AtomicLong sequence = new AtomicLong();

  LeftOutEvents(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  /** Records the Event unless already recorded for this stretch of being left out. */
  void leftOut(String componentKey, String message) {
    if (recorded.contains(componentKey)) {
      return;
    }
    int slash = componentKey.indexOf('/');
    String namespace = componentKey.substring(0, slash);
    String name = componentKey.substring(slash + 1);
    try {
      RedisComponent component =
          client.resources(RedisComponent.class).inNamespace(namespace).withName(name).get();
      String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
      Event event =
          new EventBuilder()
              .withNewMetadata()
              .withNamespace(namespace)
              .withName(name + "." + Long.toHexString(clock.millis()) + sequence.incrementAndGet())
              .endMetadata()
              .withNewInvolvedObject()
              .withApiVersion(RedisComponent.GROUP + "/" + RedisComponent.VERSION)
              .withKind("RedisComponent")
              .withNamespace(namespace)
              .withName(name)
              .withUid(component == null ? null : component.getMetadata().getUid())
              .endInvolvedObject()
              .withType("Warning")
              .withReason(ConfigMapDirectory.LEFT_OUT_REASON)
              .withMessage(message)
              .withFirstTimestamp(now)
              .withLastTimestamp(now)
              .withCount(1)
              .withNewSource()
              .withComponent(COMPONENT)
              .endSource()
              .withReportingComponent(COMPONENT)
              .withReportingInstance(instance)
              .build();
      client.v1().events().inNamespace(namespace).resource(event).create();
      recorded.add(componentKey);
    } catch (KubernetesClientException e) {
      // Not recorded: tried again at the next write of the namespace.
      LOG.warn("cannot record Event on {}: {}", componentKey, e.getMessage());
    }
  }

  /** The entry fits again (or is gone): a later overflow is recorded anew. */
  void fits(String componentKey) {
    recorded.remove(componentKey);
  }
}
