package io.redisinfo.k8s;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.redisinfo.component.status.ComponentCondition;
import io.redisinfo.k8s.crd.RedisComponent;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a Warning Event on a RedisComponent when its {@code Ready} condition turns False, so
 * {@code kubectl describe} and {@code kubectl get events} explain it. Deduplicated: one Event per
 * distinct problem while it lasts (problems found in the spec or Secret by their message, runtime
 * ones such as Unreachable by reason only, since their message changes with every error text); a
 * problem that goes away and comes back is recorded again.
 */
final class ComponentEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentEvents.class);
  private static final Set<String> BY_MESSAGE =
      Set.of(
          ComponentProblem.INVALID_SPEC,
          ComponentProblem.SECRET_NOT_FOUND,
          ComponentProblem.SECRET_KEY_NOT_FOUND);
  static final String COMPONENT = "redis-info-operator";

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;
  private final Map<String, String> lastRecorded = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  ComponentEvents(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  /** Records an Event for {@code ready} when it is a problem not yet recorded. */
  void report(RedisComponent resource, ComponentCondition ready) {
    String key = resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
    if (ready == null || !ComponentCondition.FALSE.equals(ready.status())) {
      lastRecorded.remove(key);
      return;
    }
    String identity =
        BY_MESSAGE.contains(ready.reason())
            ? ready.reason() + ":" + ready.message()
            : ready.reason();
    if (identity.equals(lastRecorded.get(key))) {
      return;
    }
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(resource.getMetadata().getNamespace())
            .withName(
                resource.getMetadata().getName()
                    + "."
                    + Long.toHexString(clock.millis())
                    + Long.toHexString(sequence.incrementAndGet()))
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(resource.getApiVersion())
                    .withKind(resource.getKind())
                    .withNamespace(resource.getMetadata().getNamespace())
                    .withName(resource.getMetadata().getName())
                    .withUid(resource.getMetadata().getUid())
                    .withResourceVersion(resource.getMetadata().getResourceVersion())
                    .build())
            .withType("Warning")
            .withReason(ready.reason())
            .withMessage(ready.message())
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(instance)
            .build();
    try {
      client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
      lastRecorded.put(key, identity);
    } catch (KubernetesClientException e) {
      LOG.warn("cannot record Event {} on {}: {}", ready.reason(), key, e.getMessage());
    }
  }

  void forget(String key) {
    lastRecorded.remove(key);
  }
}
