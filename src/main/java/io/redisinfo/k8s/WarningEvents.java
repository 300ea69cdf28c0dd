package io.redisinfo.k8s;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.redisinfo.k8s.crd.RedisComponent;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates Warning Events on RedisComponents (what {@code kubectl describe} shows). Callers decide
 * when, and deduplicate; this only builds and sends the Event.
 */
public final class WarningEvents {
  static final String COMPONENT = "redis-info-operator";

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;
  private final AtomicLong sequence = new AtomicLong();

  /**
   * @param instance this replica's name, as the Event's reporting instance
   */
  public WarningEvents(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  /**
   * Records one Warning Event on the component {@code namespace/name}.
   *
   * @param uid the component's uid (so that describe finds the Event), or null when unknown
   * @param resourceVersion the component's resourceVersion, or null
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API refuses it
   */
  public void record(
      String namespace,
      String name,
      String uid,
      String resourceVersion,
      String reason,
      String message) {
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(
                name
                    + "."
                    + Long.toHexString(clock.millis())
                    + Long.toHexString(sequence.incrementAndGet()))
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(RedisComponent.GROUP + "/" + RedisComponent.VERSION)
            .withKind("RedisComponent")
            .withNamespace(namespace)
            .withName(name)
            .withUid(uid)
            .withResourceVersion(resourceVersion)
            .endInvolvedObject()
            .withType("Warning")
            .withReason(reason)
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
  }
}
