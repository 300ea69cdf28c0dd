package io.redisinfo.k8s;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.polling.PollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PollingEventSource;
import io.redisinfo.common.ReadCache;
import io.redisinfo.component.SecretData;
import io.redisinfo.resource.RedisComponent;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Secrets components name (password, CA, client certificate), read by name (GET): the operator
 * never lists or watches Secrets. Each is read when first needed, again every {@code
 * --secret-refresh} by a JOSDK {@link PollingEventSource} (each distinct Secret once per period,
 * however many components name it; JOSDK starts it on every replica, like the informers), and on
 * {@link #recheck} after a poll failed on it. A Secret that changes, appears or disappears runs
 * {@code changed} (the inventory's resync), and the event source reconciles the components naming
 * it.
 */
final class ReferencedSecrets {
  /** The shortest time between two {@link #recheck}s of one Secret. */
  static final Duration RECHECK_FLOOR = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ReferencedSecrets.class);

  private final KubernetesClient client;
  private final Supplier<Map<ResourceID, Set<ResourceID>>> references;
  private final Runnable changed;
  private final ReadCache<ResourceID, SecretData> cache =
      new ReadCache<>(this::fetch, RECHECK_FLOOR, System::nanoTime);

  /**
   * @param references the Secrets each component names, by component
   * @param changed told when a Secret differs from its last read
   */
  ReferencedSecrets(
      KubernetesClient client,
      Supplier<Map<ResourceID, Set<ResourceID>>> references,
      Runnable changed) {
    this.client = client;
    this.references = references;
    this.changed = changed;
  }

  /** The controller's event source that reads every referenced Secret again each period. */
  PollingEventSource<SecretData, RedisComponent, String> eventSource(Duration period) {
    return new PollingEventSource<>(
        SecretData.class,
        new PollingConfigurationBuilder<SecretData, String>(this::refresh, period)
            .withName("inventory-secrets")
            .withResourceIDMapper(SecretData::name)
            .build());
  }

  /** The Secret as last read, read now if it never was; null when it does not exist. */
  SecretData get(String namespace, String name) {
    return cache.get(new ResourceID(name, namespace));
  }

  /** Reads these Secrets again now (each at most every {@link #RECHECK_FLOOR}). */
  void recheck(Set<ResourceID> secrets) {
    if (cache.recheck(secrets)) {
      changed.run();
    }
  }

  /**
   * One period: every referenced Secret read once; then the Secrets of each component, for JOSDK.
   */
  private Map<ResourceID, Set<SecretData>> refresh() {
    Map<ResourceID, Set<ResourceID>> byComponent = references.get();
    Set<ResourceID> all = new HashSet<>();
    byComponent.values().forEach(all::addAll);
    if (cache.refresh(all)) {
      changed.run();
    }
    Map<ResourceID, Set<SecretData>> secrets = new HashMap<>();
    byComponent.forEach(
        (component, ids) -> {
          Set<SecretData> found = new HashSet<>();
          ids.forEach(id -> cache.last(id).ifPresent(found::add));
          secrets.put(component, found);
        });
    return secrets;
  }

  /** A GET: empty when the Secret does not exist (404), null when it cannot be read. */
  private Optional<SecretData> fetch(ResourceID id) {
    String namespace = id.getNamespace().orElseThrow();
    try {
      Secret secret = client.secrets().inNamespace(namespace).withName(id.getName()).get();
      return Optional.ofNullable(secret)
          .map(
              found ->
                  new SecretData(
                      id.getName(),
                      found.getMetadata().getResourceVersion(),
                      found.getData(),
                      found.getStringData()));
    } catch (RuntimeException e) { // KubernetesClientException, or a client being closed
      LOG.warn("cannot read Secret {}/{}: {}", namespace, id.getName(), e.getMessage());
      return null;
    }
  }
}
