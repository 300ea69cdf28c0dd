package io.redisinfo.k8s;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.redisinfo.resource.RedisComponent;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Warning Events on RedisComponents (what {@code kubectl describe} shows), one per object and
 * reason under a deterministic name ({@code <component>.<reason>}), the way kubelet aggregates its
 * own: a problem that comes back bumps {@code count} and {@code lastTimestamp} of the same Event
 * instead of adding one. Because the name is known, a restarted operator or a new leader finds what
 * was recorded before ({@link #find}) instead of recording it again. Callers decide when to record.
 */
public final class WarningEvents {
  static final String COMPONENT = "redis-info-operator";

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;

  /**
   * @param instance this replica's name, as the Event's reporting instance
   */
  public WarningEvents(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  /** The Event's name for {@code reason} on the component {@code name}. */
  static String eventName(String name, String reason) {
    String suffix = "." + reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    // Event names are DNS subdomains (253 characters); component names already are one.
    return name.substring(0, Math.min(name.length(), 253 - suffix.length())) + suffix;
  }

  /** The Event already recorded for {@code reason} on {@code namespace/name}, if any. */
  public Optional<Event> find(String namespace, String name, String reason) {
    return Optional.ofNullable(
        client.v1().events().inNamespace(namespace).withName(eventName(name, reason)).get());
  }

  /**
   * Records one occurrence of a Warning on the component {@code namespace/name}: creates its Event,
   * or bumps the count of the one already there (with the new message).
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
    Event existing = find(namespace, name, reason).orElse(null);
    if (existing != null && Objects.equals(existing.getInvolvedObject().getUid(), uid)) {
      int count = existing.getCount() == null ? 1 : existing.getCount();
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder(existing)
                  .withMessage(message)
                  .withCount(count + 1)
                  .withLastTimestamp(now)
                  .withReportingInstance(instance)
                  .build())
          .update();
      return;
    }
    if (existing != null) {
      // An Event of an earlier component of the same name (deleted and created again).
      client.v1().events().inNamespace(namespace).resource(existing).delete();
    }
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(eventName(name, reason))
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
