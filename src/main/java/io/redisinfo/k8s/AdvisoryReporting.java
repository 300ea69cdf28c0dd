package io.redisinfo.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.redisinfo.advice.Advisory;
import io.redisinfo.advice.AdvisoryEvaluator;
import io.redisinfo.component.status.ComponentCondition;
import io.redisinfo.resource.AdvisoryStatus;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.resource.RedisComponentStatus;
import java.time.Clock;
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
 * Shows a component's advisories where Kubernetes users look: the {@code Healthy} condition (True,
 * or False with the worst advisory's rule as reason), {@code status.advisories}, the ADVICE column
 * ({@code status.advice}) and one Warning Event per advisory when it starts (named by object and
 * reason, so a repeat raises its count). An advisory already in the stored status was announced by
 * an earlier leader or process: it gets no second Event.
 */
final class AdvisoryReporting {
  private static final Logger LOG = LoggerFactory.getLogger(AdvisoryReporting.class);
  static final String HEALTHY = "Healthy";

  private final WarningEvents events;
  private final Clock clock;
  private final Map<String, Set<Advisory.Key>> announced = new ConcurrentHashMap<>();

  AdvisoryReporting(WarningEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  static List<Advisory> sorted(List<Advisory> advisories) {
    List<Advisory> sorted = new ArrayList<>(advisories);
    sorted.sort(AdvisoryEvaluator.ORDER);
    return sorted;
  }

  /** The rule name as a condition or Event reason: {@code no-maxmemory} is {@code NoMaxmemory}. */
  static String reason(String rule) {
    StringBuilder reason = new StringBuilder();
    for (String word : rule.split("-")) {
      if (!word.isEmpty()) {
        reason.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return reason.toString();
  }

  ComponentCondition healthy(List<Advisory> advisories, long generation) {
    List<Advisory> sorted = sorted(advisories);
    if (sorted.isEmpty()) {
      return new ComponentCondition(
          HEALTHY,
          ComponentCondition.TRUE,
          "NoAdvisories",
          "no advisory for this component's purpose",
          clock.instant(),
          generation);
    }
    Advisory worst = sorted.get(0);
    return new ComponentCondition(
        HEALTHY,
        ComponentCondition.FALSE,
        reason(worst.rule()),
        worst.severity().wireName()
            + ": "
            + worst.message()
            + (sorted.size() > 1 ? " (and " + (sorted.size() - 1) + " more advisories)" : ""),
        clock.instant(),
        generation);
  }

  /** Sets {@code status.advisories} and {@code status.advice}. */
  static RedisComponentStatus withAdvisories(RedisComponentStatus status, List<Advisory> current) {
    List<Advisory> sorted = sorted(current);
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
            reason(advisory.rule()),
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
