package io.redisinfo.k8s.directory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.redisinfo.k8s.directory.ConfigMapDirectoryMetrics.Operation;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Brings the {@code redis-directory} ConfigMap of one namespace to a {@link ConfigMapPlan}, with at
 * most one write, and only when it differs: created when missing, replaced (PUT with the {@code
 * resourceVersion} it was compared with, so a concurrent edit gives 409 rather than being
 * overwritten unseen) when its data or label drifted, deleted when the namespace has no entry.
 * Labels and annotations others added are kept; data keys others added are removed (the ConfigMap
 * belongs to the operator). A ConfigMap of the same name without the operator's managed-by label is
 * someone else's and is left exactly as it is ({@link Result#NOT_OURS}).
 */
final class ConfigMapWriter {
  /** What one {@link #write} did. */
  enum Result {
    UNCHANGED,
    WRITTEN,
    /** Someone else changed it first: nothing was written; try again on {@code current}. */
    CONFLICT,
    /** A ConfigMap of that name exists without our label: nothing was written, nor will be. */
    NOT_OURS
  }

  /**
   * @param current the ConfigMap as it is after the write (null = none): the server's answer, or
   *     after a conflict the ConfigMap read again
   */
  record Outcome(Result result, ConfigMap current) {}

  private final KubernetesClient client;
  private final ConfigMapDirectoryMetrics metrics;
  private final String name;

  ConfigMapWriter(KubernetesClient client, ConfigMapDirectoryMetrics metrics, String name) {
    this.client = client;
    this.metrics = metrics;
    this.name = name;
  }

  /** Whether {@code configMap} was created by the operator (it carries our label). */
  static boolean isOurs(ConfigMap configMap) {
    Map<String, String> labels = configMap.getMetadata().getLabels();
    return labels != null
        && ConfigMapDirectory.MANAGED_BY_VALUE.equals(labels.get(ConfigMapDirectory.MANAGED_BY));
  }

  /** Whether {@code current} already is what {@code plan} asks for. */
  static boolean matches(ConfigMap current, ConfigMapPlan plan) {
    if (current == null) {
      return plan.data().isEmpty();
    }
    if (plan.data().isEmpty()) {
      return false;
    }
    Map<String, String> data = current.getData() == null ? Map.of() : current.getData();
    return data.equals(plan.data())
        && (current.getBinaryData() == null || current.getBinaryData().isEmpty())
        && isOurs(current);
  }

  /** The ConfigMap as the API server has it now, or null. */
  ConfigMap read(String namespace) {
    return client.configMaps().inNamespace(namespace).withName(name).get();
  }

  /**
   * @param current the ConfigMap as last seen (null = none), compared with the plan and used as the
   *     base of an update
   * @throws KubernetesClientException on any failure but a conflict (e.g. 422 Invalid, 403)
   */
  Outcome write(String namespace, ConfigMapPlan plan, ConfigMap current) {
    if (current != null && !isOurs(current)) {
      return new Outcome(Result.NOT_OURS, null);
    }
    if (matches(current, plan)) {
      return new Outcome(Result.UNCHANGED, current);
    }
    try {
      if (plan.data().isEmpty()) {
        client
            .configMaps()
            .inNamespace(namespace)
            .withName(name)
            .lockResourceVersion(current.getMetadata().getResourceVersion())
            .delete();
        metrics.recordWrite(Operation.DELETE);
        return new Outcome(Result.WRITTEN, null);
      }
      ConfigMap written;
      if (current == null) {
        written =
            client
                .configMaps()
                .inNamespace(namespace)
                .resource(fresh(namespace, name, plan))
                .create();
        metrics.recordWrite(Operation.CREATE);
      } else {
        written =
            client.configMaps().inNamespace(namespace).resource(updated(current, plan)).update();
        metrics.recordWrite(Operation.UPDATE);
      }
      return new Outcome(Result.WRITTEN, written);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        // 409: AlreadyExists on create (we did not see it, e.g. its label was removed) or a stale
        // resourceVersion on update/delete.
        ConfigMap now = read(namespace);
        if (now != null && !isOurs(now)) {
          // AlreadyExists: one we never saw, since the informer sees only labelled ones.
          return new Outcome(Result.NOT_OURS, null);
        }
        metrics.recordConflict();
        return new Outcome(Result.CONFLICT, now);
      }
      metrics.recordError();
      throw e;
    } catch (RuntimeException e) {
      metrics.recordError();
      throw e;
    }
  }

  private static ConfigMap fresh(String namespace, String name, ConfigMapPlan plan) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .addToLabels(ConfigMapDirectory.MANAGED_BY, ConfigMapDirectory.MANAGED_BY_VALUE)
        .endMetadata()
        .withData(new HashMap<>(plan.data()))
        .build();
  }

  private static ConfigMap updated(ConfigMap current, ConfigMapPlan plan) {
    Map<String, String> labels = new HashMap<>();
    if (current.getMetadata().getLabels() != null) {
      labels.putAll(current.getMetadata().getLabels());
    }
    labels.put(ConfigMapDirectory.MANAGED_BY, ConfigMapDirectory.MANAGED_BY_VALUE);
    ConfigMap updated =
        new ConfigMapBuilder(current)
            .editMetadata()
            .withLabels(labels)
            .endMetadata()
            .withData(new HashMap<>(plan.data()))
            .withBinaryData(null)
            .build();
    Objects.requireNonNull(updated.getMetadata().getResourceVersion(), "resourceVersion");
    return updated;
  }
}
