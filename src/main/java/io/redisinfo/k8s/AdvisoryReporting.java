package io.redisinfo.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.redisinfo.advice.Advisory;
import io.redisinfo.advice.AdvisoryEvaluator;
import io.redisinfo.advice.HealthyCondition;
import io.redisinfo.resource.AdvisoryStatus;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.resource.RedisComponentStatus;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a component's advisories where Kubernetes users look, besides the {@link HealthyCondition}:
 * {@code status.advisories}, the ADVICE column ({@code status.advice}) and one Warning Event per
 * advisory when it starts (named by object and reason, so a repeat raises its count). An advisory
 * already in the stored status was announced by an earlier leader or process: it gets no second
 * Event.
 */
final class AdvisoryReporting {
  private static final Logger LOG = LoggerFactory.getLogger(AdvisoryReporting.class);

  private final WarningEvents events;
  private final Map<String, Set<Advisory.Key>> announced = new ConcurrentHashMap<>();

  AdvisoryReporting(WarningEvents events) {
    this.events = events;
  }

  /** Sets {@code status.advisories} and {@code status.advice}. */
  static RedisComponentStatus withAdvisories(RedisComponentStatus status, List<Advisory> current) {
    List<Advisory> sorted = current.stream().sorted(AdvisoryEvaluator.ORDER).toList();
    List<AdvisoryStatus> entries = new ArrayList<>();
    for (Advisory advisory : sorted) {
      AdvisoryStatus entry = new AdvisoryStatus();
      entry.setName(advisory.rule());
      entry.setSeverity(advisory.severity().wireName());
      entry.setMessage(advisory.message());
      entry.setShard(advisory.shard());
      entry.setSince(advisory.since().truncatedTo(ChronoUnit.SECONDS).toString());
      entries.add(entry);
    }
    status.setAdvisories(entries.isEmpty() ? null : entries);
    // One word, as kubectl columns are: the worst rule, and how many more.
    status.setAdvice(
        sorted.isEmpty()
            ? "none"
            : sorted.get(0).rule() + (sorted.size() > 1 ? "+" + (sorted.size() - 1) : ""));
    return status;
  }

  /** Whether the stored status lists other advisories (by rule, shard and severity). */
  static boolean differs(RedisComponentStatus stored, List<Advisory> current) {
    return !keysOf(stored).equals(keys(current));
  }

  private static Set<String> keysOf(RedisComponentStatus stored) {
    Set<String> keys = new HashSet<>();
    if (stored != null && stored.getAdvisories() != null) {
      for (AdvisoryStatus a : stored.getAdvisories()) {
        keys.add(a.getName() + "|" + a.getShard() + "|" + a.getSeverity());
      }
    }
    return keys;
  }

  private static Set<String> keys(List<Advisory> current) {
    Set<String> keys = new HashSet<>();
    for (Advisory a : current) {
      keys.add(a.rule() + "|" + a.shard() + "|" + a.severity().wireName());
    }
    return keys;
  }

  /** Records an Event for each advisory that started since it was last announced. */
  void announce(RedisComponent resource, List<Advisory> current) {
    String key = resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
    Set<Advisory.Key> known = announced.computeIfAbsent(key, k -> storedKeys(resource.getStatus()));
    Set<Advisory.Key> now = new HashSet<>();
    for (Advisory advisory : current) {
      now.add(advisory.key());
      if (known.contains(advisory.key())) {
        continue;
      }
      try {
        events.record(
            resource.getMetadata().getNamespace(),
            resource.getMetadata().getName(),
            resource.getMetadata().getUid(),
            resource.getMetadata().getResourceVersion(),
            HealthyCondition.reason(advisory.rule()),
            advisory.severity().wireName()
                + (advisory.shard() == null ? "" : " on " + advisory.shard())
                + ": "
                + advisory.message()
                + " Why: "
                + advisory.why());
        known.add(advisory.key());
      } catch (KubernetesClientException e) {
        LOG.warn("cannot record advisory Event {} on {}: {}", advisory.rule(), key, e.getMessage());
      }
    }
    known.retainAll(now); // a cleared advisory that comes back is announced again
  }

  private static Set<Advisory.Key> storedKeys(RedisComponentStatus stored) {
    Set<Advisory.Key> keys = ConcurrentHashMap.newKeySet();
    if (stored != null && stored.getAdvisories() != null) {
      for (AdvisoryStatus a : stored.getAdvisories()) {
        keys.add(new Advisory.Key(Objects.requireNonNull(a.getName()), a.getShard()));
      }
    }
    return keys;
  }

  void forget(String key) {
    announced.remove(key);
  }
}
