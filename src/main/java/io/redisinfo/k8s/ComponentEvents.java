package io.redisinfo.k8s;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.redisinfo.component.status.ComponentCondition;
import io.redisinfo.resource.RedisComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a Warning Event on a RedisComponent when its {@code Ready} condition turns False, so
 * {@code kubectl describe} and {@code kubectl get events} explain it. Deduplicated: one Event per
 * distinct problem while it lasts (problems found in the spec or Secret by their message, runtime
 * ones such as Unreachable by reason only, since their message changes with every error text); a
 * problem that goes away and comes back is recorded again (as a higher count on the same Event, see
 * {@link WarningEvents}). A restarted operator or a new leader, which remembers nothing, looks at
 * the Event already stored: if it was recorded during the condition's current stretch (at or after
 * its lastTransitionTime) it is adopted, not repeated.
 */
final class ComponentEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentEvents.class);
  private static final Set<String> BY_MESSAGE =
      Set.of(
          ComponentProblem.INVALID_SPEC,
          ComponentProblem.SECRET_NOT_FOUND,
          ComponentProblem.SECRET_KEY_NOT_FOUND);

  private final WarningEvents events;
  private final Map<String, String> lastRecorded = new ConcurrentHashMap<>();

  ComponentEvents(KubernetesClient client, Clock clock, String instance) {
    this.events = new WarningEvents(client, clock, instance);
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
    try {
      if (!lastRecorded.containsKey(key) && alreadyRecorded(resource, ready)) {
        lastRecorded.put(key, identity);
        return;
      }
      events.record(
          resource.getMetadata().getNamespace(),
          resource.getMetadata().getName(),
          resource.getMetadata().getUid(),
          resource.getMetadata().getResourceVersion(),
          ready.reason(),
          ready.message());
      lastRecorded.put(key, identity);
    } catch (KubernetesClientException e) {
      LOG.warn("cannot record Event {} on {}: {}", ready.reason(), key, e.getMessage());
    }
  }

  /** Whether the stored Event for this reason already tells of the condition's current stretch. */
  private boolean alreadyRecorded(RedisComponent resource, ComponentCondition ready) {
    ObjectMeta meta = resource.getMetadata();
    Event stored = events.find(meta.getNamespace(), meta.getName(), ready.reason()).orElse(null);
    if (stored == null
        || !Objects.equals(stored.getInvolvedObject().getUid(), meta.getUid())
        || stored.getLastTimestamp() == null
        || ready.lastTransitionTime() == null) {
      return false;
    }
    if (BY_MESSAGE.contains(ready.reason()) && !ready.message().equals(stored.getMessage())) {
      return false;
    }
    Instant recorded = Instant.parse(stored.getLastTimestamp());
    return !recorded.isBefore(ready.lastTransitionTime().truncatedTo(ChronoUnit.SECONDS));
  }

  void forget(String key) {
    lastRecorded.remove(key);
  }
}
